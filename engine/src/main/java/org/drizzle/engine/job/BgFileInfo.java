package org.drizzle.engine.job;

/** One file of AddFileSet (BITS' BG_FILE_INFO): the remote name and the local name. */
public record BgFileInfo(String remoteName, String localName) {
}
