package org.drizzle.engine.network.cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.drizzle.engine.network.ProcessOutput;

/**
 * NetworkManager's per-device Metered property, read with
 * {@code nmcli -t -f GENERAL.METERED dev show <if>}: "yes" and "yes (guessed)" (NetworkManager
 * guesses yes for mobile broadband and phone tethering) are metered; "no", "no (guessed)" are
 * not; "unknown", a device NetworkManager does not manage, or no nmcli at all give no answer.
 */
public final class NmcliMeteredDetector implements MeteredDetector {
    private final Path nmcli;

    public NmcliMeteredDetector() {
        this(findNmcli());
    }

    /** @param nmcli the nmcli executable, or null when NetworkManager is absent */
    public NmcliMeteredDetector(Path nmcli) {
        this.nmcli = nmcli;
    }

    private static Path findNmcli() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "nmcli");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public Boolean metered(String interfaceName) {
        if (nmcli == null || interfaceName == null) {
            return null;
        }
        String out = ProcessOutput.of(3, nmcli.toString(), "-t", "-f", "GENERAL.METERED", "dev", "show", interfaceName);
        return out == null ? null : parse(out);
    }

    /** Parses "GENERAL.METERED:yes (guessed)". */
    static Boolean parse(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("GENERAL.METERED:")) {
                String v = line.substring("GENERAL.METERED:".length()).trim().toLowerCase(Locale.ROOT);
                if (v.startsWith("yes")) {
                    return true;
                }
                if (v.startsWith("no")) {
                    return false;
                }
            }
        }
        return null;
    }
}
