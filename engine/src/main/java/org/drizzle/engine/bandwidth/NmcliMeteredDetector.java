package org.drizzle.engine.bandwidth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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
        try {
            Process p = new ProcessBuilder(nmcli.toString(), "-t", "-f", "GENERAL.METERED", "dev", "show", interfaceName)
                    .redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(3, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return parse(out);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
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
