package org.drizzle.host.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.EngineAssembly;
import org.drizzle.engine.service.NamedPipeServer;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.service.ServiceMain;

/**
 * Starts the per-user service in the background, detached from this terminal (setsid, no
 * stdin, output to service.log in the store), so jobs keep running after the host exits.
 */
public final class DetachedService {
    private DetachedService() {
    }

    /** Starts it unless one already answers; waits until it answers (or the limit passes). */
    public static boolean start(EngineLocations where, Duration wait) throws IOException {
        if (answers(where.userSocket())) {
            return true;
        }
        Files.createDirectories(where.userStore());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(java);
        cmd.addAll(EngineAssembly.JVM_OPTIONS);
        cmd.addAll(EngineAssembly.SERVICE_HEAP_OPTIONS);
        cmd.addAll(List.of(ServiceMain.class.getName(), "run", "--user",
                "--socket", where.userSocket().toString(), "--store", where.userStore().toString()));
        ProcessBuilder service = new ProcessBuilder(cmd);
        // The class path goes in the environment: on the command line its length pushed the
        // service's own arguments past what /proc/<pid>/cmdline readers (ps, ProcessHandle) show.
        service.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        service
                .redirectInput(Files.exists(Path.of("/dev/null")) ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                        : ProcessBuilder.Redirect.PIPE)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(where.userStore().resolve("service.log").toFile()))
                .start();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers(where.userSocket())) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static boolean answers(Path socket) {
        if (!Files.exists(socket) && !NamedPipeServer.isPipeName(socket.toString())) {
            return false;
        }
        try (RemoteEngine r = RemoteEngine.connect(socket)) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
