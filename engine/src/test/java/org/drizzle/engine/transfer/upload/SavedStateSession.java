package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.UploadSource;
import org.drizzle.policy.Priority;

/**
 * A FileSession for upload tests whose durable part (offset and transport state) lives in a
 * properties file, so a "crashed" client is a new SavedStateSession over the same folder.
 */
final class SavedStateSession implements UploadSource {
    private final Path stateFile;
    private final URI remote;
    private final Path source;
    private final JobType type;
    private final Path replyFile;
    private final JobSecrets secrets;
    private final Properties state = new Properties();
    final AtomicLong metered = new AtomicLong();
    /** How many times the transport recorded progress. */
    final AtomicInteger records = new AtomicInteger();
    /** Stop once the recorded offset satisfies this (simulates suspend, crash, pre-emption). */
    volatile LongPredicate stopWhen = offset -> false;
    /**
     * Stop once the bytes read for sending satisfy this: a stop part-way through the upload that
     * does not depend on how often the transport records progress (at most every 500 ms).
     */
    volatile LongPredicate stopAfterSent = sent -> false;
    volatile boolean connected;
    /** The job's priority (background priorities get the background connections). */
    volatile Priority priority = Priority.FOREGROUND;

    SavedStateSession(Path stateDir, URI remote, Path source, JobType type, Path replyFile, JobSecrets secrets) throws IOException {
        this.stateFile = stateDir.resolve("session.properties");
        this.remote = remote;
        this.source = source;
        this.type = type;
        this.replyFile = replyFile;
        this.secrets = secrets;
        Files.createDirectories(stateDir);
        if (Files.exists(stateFile)) {
            try (InputStream in = Files.newInputStream(stateFile)) {
                state.load(in);
            }
        }
    }

    SavedStateSession(Path stateDir, URI remote, Path source) throws IOException {
        this(stateDir, remote, source, JobType.UPLOAD, null, JobSecrets.NONE);
    }

    @Override
    public JobInfo job() {
        JobFileInfo f = file();
        return new JobInfo(JobId.random(), "test", "", type, priority, JobState.TRANSFERRING,
                new Owner(0, "test"), List.of(f), new JobProgress(-1, offset(), 1, 0), Instant.now(), Instant.now(), null,
                null, 0, 600, 1_209_600, 7_776_000, 3, null, ProxyUsage.NO_PROXY, List.of(), List.of(), List.of(), List.of(),
                false, 0, 0, false, null, 0, null, replyFile == null ? null : replyFile.toString(), null, null, 0, null);
    }

    @Override
    public JobSecrets secrets() {
        return secrets;
    }

    @Override
    public JobFileInfo file() {
        return new JobFileInfo(remote.toString(), source.toString(), -1, offset(), false, List.of(), null);
    }

    @Override
    public URI remote() {
        return remote;
    }

    @Override
    public synchronized long offset() {
        return Long.parseLong(state.getProperty("offset", "0"));
    }

    @Override
    public void reportRemoteName(URI finalUrl) {
    }

    @Override
    public void connected() {
        connected = true;
    }

    @Override
    public synchronized String state(String key) {
        return state.getProperty("t." + key);
    }

    @Override
    public synchronized void saveState(String key, String value) throws IOException {
        if (value == null) {
            state.remove("t." + key);
        } else {
            state.setProperty("t." + key, value);
        }
        persist();
    }

    @Override
    public FileChannel openSource() throws IOException {
        return FileChannel.open(source, StandardOpenOption.READ);
    }

    @Override
    public synchronized void recordUploaded(long offset) throws IOException {
        state.setProperty("offset", Long.toString(offset));
        records.incrementAndGet();
        persist();
    }

    @Override
    public void acquireBandwidth(int bytes) {
        metered.addAndGet(bytes);
    }

    @Override
    public void storeReply(InputStream body, long length) throws IOException {
        Path tmp = replyFile.resolveSibling(replyFile.getFileName() + ".tmp");
        Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, replyFile, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean stopRequested() {
        return stopWhen.test(offset()) || stopAfterSent.test(metered.get());
    }

    private void persist() throws IOException {
        Path tmp = stateFile.resolveSibling("session.properties.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            state.store(out, null);
        }
        Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
