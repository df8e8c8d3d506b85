package org.drizzle.engine.identity;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Sessions as systemd-logind tracks them: one key=value file per session under
 * {@code /run/systemd/sessions} (the files loginctl reads). Sessions of class "user" that are
 * not closing count; greeter and lock-screen sessions do not.
 */
public final class LogindSessionSource implements SessionSource {
    public static final Path DEFAULT_DIR = Path.of("/run/systemd/sessions");
    private final Path dir;

    public LogindSessionSource(Path dir) {
        this.dir = dir;
    }

    /** Whether systemd is the init system here (sd_booted's test). */
    public static boolean present() {
        return Files.isDirectory(Path.of("/run/systemd/system")) && Files.isDirectory(DEFAULT_DIR);
    }

    @Override
    public Sessions read() throws IOException {
        Set<Long> uids = new HashSet<>();
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(".ref") || !Files.isRegularFile(file)) {
                    continue;
                }
                Session s = parse(Files.readAllLines(file));
                if (s.counts()) {
                    if (s.uid >= 0) {
                        uids.add(s.uid);
                    }
                    if (s.user != null) {
                        names.add(s.user);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return Sessions.NONE;
        }
        return new Sessions(Set.copyOf(uids), Set.copyOf(names));
    }

    static Session parse(Iterable<String> lines) {
        Session s = new Session();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "UID" -> s.uid = PeerCredentials.isDecimal(value) ? Long.parseLong(value) : -1;
                case "USER" -> s.user = value;
                case "STATE" -> s.state = value;
                case "CLASS" -> s.sessionClass = value;
                default -> { }
            }
        }
        return s;
    }

    /** One session file's fields that matter. */
    static final class Session {
        long uid = -1;
        String user;
        String state = "";
        String sessionClass = "user";

        boolean counts() {
            return !"closing".equals(state) && sessionClass.startsWith("user");
        }
    }

    @Override
    public String describe() {
        return "systemd-logind (" + dir + ")";
    }
}
