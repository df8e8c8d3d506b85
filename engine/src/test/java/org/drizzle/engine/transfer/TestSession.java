package org.drizzle.engine.transfer;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.engine.job.RemoteValidator;
import org.drizzle.policy.Priority;

/**
 * A {@link FileSession} for transport unit tests: writes straight to a real temp file, keeps
 * the offset and validator in memory (durable across {@link #again()} like the store would be),
 * and records what the transport told it.
 */
final class TestSession implements DownloadSink {
    final Path file;
    URI remote;
    long offset;
    RemoteValidator validator;
    final List<URI> reportedNames = new ArrayList<>();
    int restarts;
    boolean connected;
    int checkpoints;
    /** Stop after this many bytes were written (simulates suspend); -1 never. */
    long stopAfter = -1;
    final AtomicBoolean stop = new AtomicBoolean();
    // job settings
    int securityFlags;
    ProxyUsage proxyUsage = ProxyUsage.NO_PROXY;
    List<String> proxyList = List.of();
    List<String> proxyBypass = List.of();
    boolean dynamic;
    String httpMethod;
    Priority priority = Priority.FOREGROUND;
    List<ByteRange> ranges = List.of();
    List<Credential> credentials = List.of();
    List<String> headers = List.of();
    ClientCertificate certificate;
    /** When set, writes go straight to this open channel (benchmarks): no per-write open. */
    FileChannel sink;
    private final Map<String, String> state = new HashMap<>();

    TestSession(URI remote, Path file) {
        this.remote = remote;
        this.file = file;
    }

    /** The same file's next attempt (what the scheduler hands a transport after a retry). */
    TestSession again() {
        stop.set(false);
        connected = false;
        return this;
    }

    byte[] bytes() throws IOException {
        return Files.readAllBytes(file);
    }

    @Override
    public JobInfo job() {
        return new JobInfo(JobId.random(), "test", "", JobType.DOWNLOAD, priority, JobState.TRANSFERRING,
                new Owner(0, "test"), List.of(file()), new JobProgress(-1, offset, 1, 0),
                Instant.now(), Instant.now(), null, null, 0, 600, 1_209_600, 7_776_000, 3, null,
                proxyUsage, proxyList, proxyBypass, List.of(), null, false, securityFlags, 0, dynamic, httpMethod,
                0, null, null, null, null, 0, null);
    }

    @Override
    public JobSecrets secrets() {
        return new JobSecrets(credentials, headers, certificate);
    }

    @Override
    public JobFileInfo file() {
        return new JobFileInfo(remote.toString(), file.toString(), validator == null ? -1 : validator.size(),
                offset, false, ranges, file.toString());
    }

    @Override
    public URI remote() {
        return remote;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public RemoteValidator recordedValidator() {
        return validator;
    }

    @Override
    public void recordRemote(RemoteValidator v) {
        validator = v;
    }

    @Override
    public void restart() throws IOException {
        restarts++;
        offset = 0;
        validator = null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }

    @Override
    public void discard() throws IOException {
        offset = 0;
        validator = null;
        Files.deleteIfExists(file);
    }

    @Override
    public void write(byte[] buffer, int off, int len) throws IOException, TransferStoppedException {
        if (sink != null) {
            ByteBuffer b = ByteBuffer.wrap(buffer, off, len);
            while (b.hasRemaining()) {
                sink.write(b, offset + b.position() - off);
            }
            offset += len;
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // Like the real session: bytes past the durable offset are garbage and get overwritten.
            ch.truncate(offset);
            ByteBuffer b = ByteBuffer.wrap(buffer, off, len);
            while (b.hasRemaining()) {
                ch.write(b, offset + b.position() - off);
            }
        }
        offset += len;
        if (stopAfter >= 0 && offset >= stopAfter) {
            stop.set(true);
        }
    }

    @Override
    public void checkpoint() {
        checkpoints++;
    }

    @Override
    public void reportRemoteName(URI finalUrl) {
        reportedNames.add(finalUrl);
        remote = finalUrl;
    }

    @Override
    public void connected() {
        connected = true;
    }

    @Override
    public String state(String key) {
        return state.get(key);
    }

    @Override
    public void saveState(String key, String value) {
        state.put(key, value);
    }

    @Override
    public boolean stopRequested() {
        return stop.get();
    }

    private Runnable abort;

    @Override
    public synchronized void abortOnStop(Runnable abort) {
        this.abort = abort;
        if (abort != null && stop.get()) {
            abort.run();
        }
    }

    /** A stop from another thread, as the scheduler's suspend: the flag, then the registered abort. */
    void requestStop() {
        Runnable a;
        synchronized (this) {
            stop.set(true);
            a = abort;
        }
        if (a != null) {
            a.run();
        }
    }
}
