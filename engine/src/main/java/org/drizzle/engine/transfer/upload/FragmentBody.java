package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.drizzle.engine.transfer.FileRangeEntity;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.drizzle.engine.transfer.UploadSource;

/**
 * One fragment's body: {@code length} bytes of the source from {@code offset} as a
 * {@link FileRangeEntity}, metered chunk by chunk through the bandwidth governor. A stop request
 * aborts the fragment; the server keeps what arrived.
 */
final class FragmentBody {
    static final int CHUNK = 256 * 1024;

    private FragmentBody() {
    }

    static FileRangeEntity of(FileChannel source, long offset, long length, UploadSource session) {
        return FileRangeEntity.ofChannel(source, offset, length, CHUNK, n -> {
            if (session.stopRequested()) {
                throw new Stopped(new TransferStoppedException());
            }
            try {
                session.acquireBandwidth(n);
            } catch (TransferStoppedException e) {
                throw new Stopped(e);
            }
        });
    }

    /** Carries a stop request out through HttpClient, which only passes IOExceptions. */
    static final class Stopped extends IOException {
        private static final long serialVersionUID = 1L;
        final transient TransferStoppedException stop;

        Stopped(TransferStoppedException stop) {
            super("transfer stopped");
            this.stop = stop;
        }
    }
}
