package org.drizzle.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.drizzle.engine.log.LogText;

/**
 * Upload sessions of one virtual directory, kept on disk under {@code BITS-Sessions} so they
 * survive reconnects and server restarts: {@code {GUID}/session.properties} (the record) and
 * {@code {GUID}/request.bin} (the bytes held so far, whose length is the next expected
 * offset), plus {@code Replies/{GUID}/responsefile.bin} for upload-reply. A session with no
 * progress for the directory's session timeout is deleted, on access and by {@link #sweep}.
 * Every session holds a slot in the server's {@link SessionQuota}, taken before its folder is
 * made and given back when the folder is deleted.
 */
final class SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    /** Session ids this server issues; anything else in BITS-Session-Id is simply unknown. */
    private static final Pattern ID = Pattern.compile("\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\\}");
    static final String REPLIES = "Replies";
    static final String REPLY_FILE = "responsefile.bin";

    private final VirtualDirectory vdir;
    private final Clock clock;
    private final SessionQuota quota;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    /** Forces request files in the background, so no Ack waits for the disk. */
    private final ExecutorService forcer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bits-session-force");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> forcing = ConcurrentHashMap.newKeySet();

    SessionStore(VirtualDirectory vdir, Clock clock, SessionQuota quota) {
        this.vdir = vdir;
        this.clock = clock;
        this.quota = quota;
    }

    long now() {
        return clock.millis();
    }

    /** The monitor serialising packets of one session (one outstanding request per session). */
    Object lock(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    /** A new session for {@code client}; 429 (creating nothing) when the quota has no slot for it. */
    UploadSession create(String target, String client) throws AckException, IOException {
        String id = "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}";
        quota.reserve(id, client, this);
        try {
            Files.createDirectories(folder(id));
            Files.createFile(requestFile(id));
            UploadSession session = new UploadSession(id, target, client, -1, UploadSession.Phase.RECEIVING, now(), null, 0);
            save(session);
            return session;
        } catch (IOException | RuntimeException e) {
            delete(id);
            throw e;
        }
    }

    /** The session, or null if unknown, malformed or expired (an expired one is deleted). */
    UploadSession load(String id) throws IOException {
        if (id == null || !ID.matcher(id.trim()).matches()) {
            return null;
        }
        Path file = folder(id.trim()).resolve("session.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        UploadSession s = new UploadSession(id.trim(), p.getProperty("target"), p.getProperty("client", "unknown"),
                Long.parseLong(p.getProperty("total", "-1")),
                UploadSession.Phase.valueOf(p.getProperty("phase", "RECEIVING")),
                Long.parseLong(p.getProperty("lastActivity", "0")), p.getProperty("replyUrl"),
                Long.parseLong(p.getProperty("forced", "0")));
        if (expired(s.lastActivity())) {
            LOG.info("Upload session {} for {} expired after {} without progress", s.id(), LogText.of(s.target()), vdir.sessionTimeout());
            delete(s.id());
            return null;
        }
        return s;
    }

    /** Writes the record atomically (temp file, then rename). */
    void save(UploadSession s) throws IOException {
        Properties p = new Properties();
        p.setProperty("target", s.target());
        p.setProperty("client", s.client());
        p.setProperty("total", Long.toString(s.total()));
        p.setProperty("phase", s.phase().name());
        p.setProperty("lastActivity", Long.toString(s.lastActivity()));
        p.setProperty("forced", Long.toString(s.forced()));
        if (s.replyUrl() != null) {
            p.setProperty("replyUrl", s.replyUrl());
        }
        Path dir = folder(s.id());
        Path tmp = dir.resolve("session.properties.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Drizzle BITS upload session");
        }
        move(tmp, dir.resolve("session.properties"), true);
        quota.saved(s);
    }

    Path requestFile(String id) {
        return folder(id).resolve("request.bin");
    }

    Path replyFile(String id) {
        return vdir.sessionsFolder().resolve(REPLIES).resolve(id).resolve(REPLY_FILE);
    }

    /** Removes the partial entity and any reply, keeping a CLOSED record for an idempotent Close. */
    void close(UploadSession s) throws IOException {
        Files.deleteIfExists(requestFile(s.id()));
        deleteTree(replyFile(s.id()).getParent());
        save(s.closed(now()));
    }

    /** Removes every trace of a session. */
    void delete(String id) throws IOException {
        deleteTree(folder(id));
        deleteTree(replyFile(id).getParent());
        locks.remove(id);
        quota.release(id);
    }

    /**
     * Frees the slot of a session the quota found closed or expired: an expired one is deleted
     * by loading it, a closed one (or one whose record is gone) is deleted here; one that made
     * progress meanwhile is kept.
     */
    void reclaim(String id) {
        synchronized (lock(id)) {
            try {
                UploadSession s = load(id);
                if (s == null || s.phase() == UploadSession.Phase.CLOSED) {
                    delete(id);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Upload session {} could not be reclaimed: {}", id, e.toString());
            }
        }
    }

    /**
     * Start-up recovery: every session takes its slot in the quota, and every receiving
     * session's request file is cut back to its forced length, so bytes that might not have
     * reached the disk before a crash are asked for again (the client follows
     * BITS-Received-Content-Range, even backwards).
     */
    void recover() {
        forEachSession(s -> {
            quota.adopt(s, this);
            Path file = requestFile(s.id());
            if (s.phase() == UploadSession.Phase.RECEIVING && Files.isRegularFile(file) && Files.size(file) > s.forced()) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(s.forced());
                }
                LOG.info("Upload session {}: cut back to the {} bytes forced to disk", s.id(), s.forced());
            }
        });
    }

    /** Graceful stop: forces every receiving session's bytes, so a restart loses nothing. */
    void checkpointAll() {
        forEachSession(s -> {
            synchronized (lock(s.id())) {
                UploadSession current = load(s.id());
                Path file = requestFile(s.id());
                if (current != null && current.phase() == UploadSession.Phase.RECEIVING && Files.isRegularFile(file)) {
                    save(force(current, file));
                }
            }
        });
    }

    /**
     * Forces a session's request file in the background and then records the length that is
     * now known to be on disk (the length read before the force: later bytes may not be).
     */
    void forceLater(String id) {
        if (!forcing.add(id)) {
            return;
        }
        forcer.execute(() -> {
            try {
                long length;
                try (FileChannel ch = FileChannel.open(requestFile(id), StandardOpenOption.WRITE)) {
                    length = ch.size();
                    ch.force(false);
                }
                synchronized (lock(id)) {
                    UploadSession s = load(id);
                    if (s != null && s.phase() == UploadSession.Phase.RECEIVING && s.forced() < length) {
                        save(s.withForced(length));
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Upload session {}: background force failed: {}", id, LogText.of(e.toString()));
            } finally {
                forcing.remove(id);
            }
        });
    }

    /** Stops background forcing (waiting for one in progress) before {@link #checkpointAll}. */
    void stopForcing() {
        forcer.shutdown();
        try {
            if (!forcer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("A background force of an upload session did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forces the request file and returns the session recording the forced length. */
    static UploadSession force(UploadSession s, Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(false);
            return s.withForced(ch.size());
        }
    }

    /** An I/O step over one session. */
    private interface SessionStep {
        void apply(UploadSession s) throws IOException;
    }

    private void forEachSession(SessionStep step) {
        Path dir = vdir.sessionsFolder();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (ID.matcher(name).matches()) {
                    UploadSession s = load(name);
                    if (s != null) {
                        step.apply(s);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not visit upload sessions in {}: {}", dir, e.toString());
        }
    }

    /** Deletes sessions whose timeout passed; returns how many. */
    int sweep() {
        Path dir = vdir.sessionsFolder();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (ID.matcher(name).matches()) {
                    try {
                        if (load(name) == null) {
                            removed++;
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("Upload session {} is unreadable; deleting it: {}", LogText.of(name), LogText.of(e.toString()));
                        delete(name);
                        removed++;
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not sweep upload sessions in {}: {}", dir, e.toString());
        }
        return removed;
    }

    /** Whether a session last active at {@code lastActivity} has passed the directory's session timeout. */
    boolean expired(long lastActivity) {
        return now() - lastActivity > vdir.sessionTimeout().toMillis();
    }

    private Path folder(String id) {
        return vdir.sessionsFolder().resolve(id);
    }

    /** Renames within one file system atomically where the platform can. */
    static void move(Path from, Path to, boolean replace) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
