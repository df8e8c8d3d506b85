package org.drizzle.engine.job;

import java.util.List;

/**
 * One file of a job as clients see it (BG_FILE_INFO + BG_FILE_PROGRESS).
 *
 * @param bytesTotal {@link JobProgress#UNKNOWN} until the size is known
 * @param temporaryName the hidden temp file in the destination folder (GetTemporaryName)
 */
public record JobFileInfo(String remoteName, String localName, long bytesTotal, long bytesTransferred,
                          boolean completed, List<ByteRange> ranges, String temporaryName) {
}
