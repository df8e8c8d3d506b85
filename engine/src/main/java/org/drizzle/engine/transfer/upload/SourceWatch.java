package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.transfer.TransferException;
import org.drizzle.engine.transfer.UploadSource;

/**
 * BITS' rule that an upload's local file must not change once its upload began: the size and
 * mtime are stored before the first fragment (so the rule spans runs and restarts) and every
 * fragment checks them; a change is BG_E_LOCAL_FILE_CHANGED.
 */
final class SourceWatch {
    private final UploadSource s;
    private final String localName;
    /** The source's size and mtime as stored at the first fragment (read once, not per fragment). */
    private String sourceSize;
    private String sourceMtime;

    SourceWatch(UploadSource session) {
        this.s = session;
        this.localName = session.file().localName();
    }

    /** Stores size and mtime the first time; afterwards throws when either differs, or the size from {@code size}. */
    void check(FileChannel source, long size) throws IOException, TransferException {
        long now = source.size();
        String mtime = mtime();
        if (sourceSize == null) {
            sourceSize = s.state(UploadState.SOURCE_SIZE);
            sourceMtime = s.state(UploadState.SOURCE_MTIME);
        }
        if (sourceSize == null) {
            s.saveState(UploadState.SOURCE_SIZE, Long.toString(now));
            s.saveState(UploadState.SOURCE_MTIME, mtime);
            sourceSize = Long.toString(now);
            sourceMtime = mtime;
            return;
        }
        if (Long.parseLong(sourceSize) != now || now != size
                || (sourceMtime != null && mtime != null && !sourceMtime.equals(mtime))) {
            throw changed();
        }
    }

    /** The error for a file that changed (also when it shrank under a fragment being sent). */
    TransferException changed() {
        return new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.BG_E_LOCAL_FILE_CHANGED,
                localName + " changed after its upload began.");
    }

    private String mtime() {
        try {
            return Long.toString(Files.getLastModifiedTime(Path.of(localName)).toMillis());
        } catch (IOException | SecurityException e) {
            return null; // unreadable attributes: the size check still applies
        }
    }
}
