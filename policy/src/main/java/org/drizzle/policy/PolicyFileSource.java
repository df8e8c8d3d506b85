package org.drizzle.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON policy file (machine default {@code /etc/drizzle/policy.json}). A missing file sets
 * nothing. Changes are seen through a WatchService on the file's folder, which also catches
 * editors that save by writing a new file and renaming it over the old one; while the folder
 * does not exist (a fresh machine) the file's modification time is polled instead.
 */
public final class PolicyFileSource implements PolicyProvider {
    public static final Path MACHINE_FILE = Path.of("/etc/drizzle/policy.json");
    private static final Logger LOG = LoggerFactory.getLogger(PolicyFileSource.class);

    private static final long SETTLE_MILLIS = 150;

    private final Path file;
    private static final long POLL_SECONDS = 5;
    private volatile WatchService watcher;
    private volatile boolean closed;

    public PolicyFileSource(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public PolicySource source() {
        return PolicySource.FILE;
    }

    @Override
    public String origin() {
        return file.toString();
    }

    @Override
    public PolicyLayer load() throws PolicyRejectedException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return PolicyLayer.empty(source(), origin());
        } catch (IOException e) {
            throw new PolicyRejectedException(origin(), List.of("cannot read the file: " + e));
        }
        return JsonPolicyReader.read(text, source(), origin());
    }

    @Override
    public void start(Runnable changed) {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            LOG.info("Policy folder {} does not exist yet; checking for {} every {} s", dir, file, POLL_SECONDS);
            Object loaded = stamp();
            startThread(() -> poll(changed, loaded));
            return;
        }
        try {
            watcher = dir.getFileSystem().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            LOG.warn("Cannot watch {} for changes: {}", file, e.toString());
            return;
        }
        startThread(() -> watch(changed));
    }

    private void startThread(Runnable body) {
        Thread thread = new Thread(body, "drizzle-policy-file-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Without a folder to watch: compare the file's modification time every few seconds. */
    private void poll(Runnable changed, Object loaded) {
        Object last = loaded;
        while (!closed) {
            try {
                Thread.sleep(POLL_SECONDS * 1000);
            } catch (InterruptedException e) {
                return;
            }
            Object now = stamp();
            if (!now.equals(last)) {
                last = now;
                changed.run();
            }
        }
    }

    private Object stamp() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return "absent";
        }
    }

    private void watch(Runnable changed) {
        WatchService ws = watcher;
        try {
            while (true) {
                boolean ours = drain(ws.take());
                // Let a writer finish (truncate, write, close) before reading, and coalesce its events.
                Thread.sleep(SETTLE_MILLIS);
                for (WatchKey more = ws.poll(); more != null; more = ws.poll()) {
                    ours |= drain(more);
                }
                if (ours) {
                    changed.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private boolean drain(WatchKey key) {
        boolean ours = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            Object name = event.context();
            ours |= event.kind() == StandardWatchEventKinds.OVERFLOW
                    || (name instanceof Path && file.getFileName().equals(name));
        }
        key.reset();
        return ours;
    }

    @Override
    public void close() {
        closed = true;
        WatchService ws = watcher;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service: {}", e.toString());
            }
        }
    }
}
