package org.drizzle.engine.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drizzle.engine.identity.Account;

/**
 * Builds the process for a notify command line on Linux. When the service runs as someone
 * else (root) it starts the program through util-linux {@code setpriv} as the owner, with the
 * owner's groups, a reset environment (HOME, USER, SHELL, PATH from the password database),
 * no new privileges, no capabilities, and death with the service. Otherwise it runs the
 * program directly with the same clean environment. argv[0] is the program path, as BITS
 * passes it; nothing is expanded.
 */
final class NotifyProcess {
    static final List<String> SETPRIV_CANDIDATES = List.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv");
    static final String SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private NotifyProcess() {
    }

    /** The full command to execute for {@code cmdLine} as {@code owner}. */
    static List<String> command(List<String> cmdLine, Account owner, long processUid, String setpriv) {
        if (owner.uid() == processUid) {
            return List.copyOf(cmdLine);
        }
        List<String> cmd = new ArrayList<>(List.of(setpriv,
                "--reuid=" + owner.uid(), "--regid=" + owner.gid(), "--init-groups", "--reset-env",
                "--nnp", "--inh-caps=-all", "--bounding-set=-all", "--pdeathsig=TERM", "--"));
        cmd.addAll(cmdLine);
        return cmd;
    }

    static ProcessBuilder builder(List<String> cmdLine, Account owner, long processUid) {
        ProcessBuilder pb = new ProcessBuilder(command(cmdLine, owner, processUid, setpriv()));
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", SAFE_PATH);
        if (owner.uid() == processUid) {
            env.put("HOME", owner.home());
            env.put("USER", owner.name());
            env.put("LOGNAME", owner.name());
        }
        Path home = owner.home() == null ? null : Path.of(owner.home());
        pb.directory(home != null && Files.isDirectory(home) ? home.toFile() : Path.of("/").toFile());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        return pb;
    }

    static String setpriv() {
        for (String candidate : SETPRIV_CANDIDATES) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("util-linux setpriv is not installed (looked in " + SETPRIV_CANDIDATES
                + "); the service cannot run notify command lines as job owners.");
    }
}
