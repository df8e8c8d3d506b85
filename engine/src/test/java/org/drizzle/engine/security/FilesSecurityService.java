package org.drizzle.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.identity.ReadableClassPath;
import org.drizzle.engine.service.DrizzleService;
import org.drizzle.engine.service.LocalEngineHost;
import org.drizzle.engine.service.Protocol;
import org.drizzle.engine.service.ServiceConfig;
import org.drizzle.engine.service.ServiceMode;

/**
 * The machine service of the file-security tests (root only): a real {@link DrizzleService} on a
 * temporary socket and store in this JVM, real throwaway users (prefix {@code dzsf}), and for
 * each user a {@link FilesSecurityClient} process running as that user under setpriv, so the
 * service knows the user only through SO_PEERCRED.
 */
final class FilesSecurityService implements AutoCloseable {
    final ThrowawayUsers users = new ThrowawayUsers();
    final Path dir;
    final ServiceConfig config;
    private final DrizzleService service;
    private final Path classes;
    private final String classpath;
    private final List<User> sessions = new ArrayList<>();

    FilesSecurityService() throws IOException {
        dir = Files.createTempDirectory("drizzle-sf");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        config = new ServiceConfig(ServiceMode.MACHINE, dir.resolve("store"), dir.resolve("run/drizzle.sock"),
                dir.resolve("etc"), Set.of(), Set.of(), Set.of(), "none", null, Duration.ofMillis(300),
                Duration.ofSeconds(30), Duration.ofSeconds(2), dir.resolve("no-syslog"), null, null);
        service = new DrizzleService(config, LocalEngineHost.factory());
        service.start();
        classes = Files.createTempDirectory("drizzle-sf-cp");
        classpath = ReadableClassPath.copy(classes);
    }

    /** A new user (name {@code dzsf...}) with a client process connected to the service. */
    User user(String suffix) throws Exception {
        Account account = users.create("dzsf" + suffix);
        User u = new User(account, classpath, config.socket());
        sessions.add(u);
        return u;
    }

    /** One user's client process. */
    static final class User implements AutoCloseable {
        final Account account;
        private final Process process;
        private final Writer commands;
        private final BufferedReader replies;

        User(Account account, String classpath, Path socket) throws IOException {
            this.account = account;
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder("/usr/bin/setpriv", "--reuid=" + account.uid(), "--regid=" + account.gid(),
                    "--init-groups", "--", java, "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", classpath, FilesSecurityClient.class.getName(), socket.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = replies.readLine();
            if (!"OK \"ready\"".equals(ready)) {
                throw new IOException("the client of " + account.name() + " did not start: " + ready);
            }
        }

        Path home() {
            return Path.of(account.home());
        }

        /** Sends one command; returns the raw reply line ("OK ..." or "ERR ..."). */
        synchronized String send(String... args) throws IOException {
            commands.write(String.join("\t", args) + "\n");
            commands.flush();
            String reply = replies.readLine();
            if (reply == null) {
                throw new IOException("the client of " + account.name() + " exited");
            }
            return reply;
        }

        /** Sends one command that must succeed; returns its JSON answer. */
        JsonNode ok(String... args) throws IOException {
            String reply = send(args);
            if (!reply.startsWith("OK ")) {
                throw new AssertionError(String.join(" ", args) + " failed: " + reply);
            }
            return Protocol.mapper().readTree(reply.substring(3));
        }

        /** The job's state, error and first file's progress. */
        JsonNode get(String id) throws IOException {
            return ok("get", id);
        }

        /** Waits until the job is in one of {@code states}; returns it. */
        JsonNode await(String id, Duration limit, String... states) {
            JsonNode[] last = new JsonNode[1];
            org.awaitility.Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
                last[0] = get(id);
                return List.of(states).contains(last[0].get("state").asText());
            });
            return last[0];
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public void close() throws Exception {
        for (User u : sessions) {
            u.close();
        }
        service.stop();
        users.close();
        deleteTree(dir);
        deleteTree(classes);
    }
}
