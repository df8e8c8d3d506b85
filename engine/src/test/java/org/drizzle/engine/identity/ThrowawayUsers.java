package org.drizzle.engine.identity;

import static org.drizzle.engine.SystemCommand.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Creates real local users with useradd for root-only tests and removes them again. */
public final class ThrowawayUsers implements AutoCloseable {
    public static final boolean IS_ROOT = UnixIds.currentUid() == 0
            && Files.isExecutable(Path.of("/usr/sbin/useradd"));

    private final List<String> created = new ArrayList<>();

    /** A new user (name prefix + random suffix) with a home directory; returns its account. */
    public Account create(String prefix) throws IOException, InterruptedException {
        String name = prefix + Long.toString(System.nanoTime() % 1_000_000, 36);
        run("/usr/sbin/useradd", "-m", "-s", "/bin/sh", name);
        created.add(name);
        return UserDatabase.byName(name).orElseThrow();
    }

    @Override
    public void close() throws Exception {
        for (String name : created) {
            new ProcessBuilder("/usr/sbin/userdel", "-r", "-f", name).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
