package org.drizzle.engine.transfer;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.RemoteValidator;

/**
 * Downloads from file paths: local folders, mounted SMB/NFS shares and {@code file://} URIs
 * (UNC {@code file://server/share/...} on Windows). Resumes by offset; the version is size plus
 * modification time, so a source that changed restarts the file from 0. The source is opened
 * through {@link OwnerFiles}: with the job owner's identity, only a regular file the owner could
 * open by name, never a descriptor of the engine's process nor anything under /proc or /dev
 * (E_ACCESSDENIED). A source that keeps changing fails with BG_E_LOCAL_FILE_CHANGED and leaves
 * no temp file behind.
 */
public final class FileTransport implements Transport {
    private final Throttle throttle;
    private final OwnerFiles files;

    public FileTransport(Throttle throttle, Impersonator impersonator) {
        this.throttle = throttle;
        this.files = new OwnerFiles(impersonator);
    }

    @Override
    public boolean handles(URI remote, JobType type) {
        return type == JobType.DOWNLOAD && "file".equalsIgnoreCase(remote.getScheme());
    }

    @Override
    public void transfer(FileSession file) throws TransferException, TransferStoppedException {
        DownloadSink session = file.download();
        if (session.file().ranges() != null && !session.file().ranges().isEmpty()) {
            throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.E_INVALIDARG,
                    "File ranges need an http:// or https:// remote name; " + session.remote() + " is a file path.");
        }
        Path source = path(session.remote());
        int chunk = Math.max(4096, throttle.preferredChunk(session.job().priority()));
        // A source that keeps changing while it is read would loop forever; BITS gives up too.
        for (int attempt = 0; attempt < 5; attempt++) {
            RemoteValidator before = version(session, source);
            prepare(session, before);
            try (FileChannel in = open(session, source)) {
                copy(session, in, before.size(), chunk);
            } catch (IOException e) {
                throw remoteFailure(e, source);
            }
            if (!before.changedTo(version(session, source))) {
                checkpoint(session);
                return;
            }
        }
        // Its bytes mix versions (and may be anything the source briefly was): keep none of them.
        try {
            session.discard();
        } catch (IOException e) {
            throw HttpFailures.local(e, session.file().localName());
        }
        throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_LOCAL_FILE_CHANGED,
                source + " kept changing while it was copied.");
    }

    /** The local path a {@code file:} URI names; {@code file://localhost/...} is local. */
    static Path path(URI remote) throws TransferException {
        try {
            String host = remote.getHost();
            if (host != null && host.equalsIgnoreCase("localhost")) {
                return Path.of(URI.create("file://" + remote.getRawPath()));
            }
            return Path.of(remote);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.ERROR_PATH_NOT_FOUND,
                    remote + " does not name a path on this system (" + e.getMessage() + ").", e);
        }
    }

    private RemoteValidator version(DownloadSink session, Path source) throws TransferException {
        try {
            BasicFileAttributes a = files.attributes(session.job().owner(), source);
            if (a.isDirectory()) {
                throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.ERROR_FILE_NOT_FOUND,
                        source + " is a folder, not a file.");
            }
            return new RemoteValidator(a.size(), null, a.lastModifiedTime().toString());
        } catch (IOException e) {
            throw remoteFailure(e, source);
        }
    }

    /** Records the version, restarting from 0 when it differs from the one recorded earlier. */
    private static void prepare(DownloadSink session, RemoteValidator current) throws TransferException {
        RemoteValidator recorded = session.recordedValidator();
        try {
            if (recorded != null && (recorded.changedTo(current) || session.offset() > current.size())) {
                session.restart();
                session.recordRemote(current);
            } else if (recorded == null) {
                if (session.offset() > 0) {
                    session.restart();
                }
                session.recordRemote(current);
            }
        } catch (IOException e) {
            throw HttpFailures.local(e, session.file().localName());
        }
    }

    private FileChannel open(DownloadSink session, Path source) throws TransferException {
        try {
            return files.openToRead(session.job().owner(), source);
        } catch (IOException e) {
            throw remoteFailure(e, source);
        }
    }

    /** Copies the source from the session's offset to {@code size} through the one copy loop; a short source just ends. */
    private static void copy(DownloadSink session, FileChannel in, long size, int chunk)
            throws IOException, TransferException, TransferStoppedException {
        long[] position = {session.offset()};
        long got = SinkCopy.copy(session, (buffer, off, len) -> {
            int n = in.read(ByteBuffer.wrap(buffer, off, len), position[0]);
            if (n > 0) {
                position[0] += n;
            }
            return n;
        }, Math.max(0, size - position[0]), chunk, session::connected);
        if (got == 0) {
            session.connected();
        }
    }

    private static void checkpoint(DownloadSink session) throws TransferException {
        try {
            session.checkpoint();
        } catch (IOException e) {
            throw HttpFailures.local(e, session.file().localName());
        }
    }

    /**
     * Failures reading the source, in what the owner's own open would show: missing is fatal
     * ERROR_FILE_NOT_FOUND, unreadable or refused E_ACCESSDENIED; anything else (a share that went
     * away mid-read) behaves like a dropped connection and is retried.
     */
    private static TransferException remoteFailure(IOException e, Path source) {
        if (e instanceof NoSuchFileException) {
            return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.ERROR_FILE_NOT_FOUND,
                    source + " does not exist.", e);
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? " (" + f.getReason() + ")" : "";
        if (e instanceof AccessDeniedException) {
            return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.E_ACCESSDENIED,
                    source + " cannot be read with the job owner's rights" + reason + ".", e);
        }
        return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.INTERNET_CONNECTION_RESET,
                source + " could not be read" + reason + ".", e);
    }
}
