package org.drizzle.cmdlets.utility;

/** What Get-FileHash outputs: the algorithm, the upper-case hex digest and the file's full path. */
public record FileHashInfo(String algorithm, String hash, String path) {
}
