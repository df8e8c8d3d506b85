package org.drizzle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Get-Help on an idiom script of {@code samples/compat}, through the host process: its
 * comment-based help and param() block, in the -Full view, must match the golden
 * {@code NN-name.help.expected.txt} ({@code {script}} there stands for the script's full path,
 * which PowerShell prints as its name).
 */
class CompatHelpTest {
    @TempDir
    Path home;

    @Test
    void getHelpFullOfAScriptPrintsItsGoldenHelp() throws Exception {
        String name = "04-fallback-downloader";
        Path script = HostProcess.compat().resolve(name + ".ps1").normalize();

        HostProcess.Run r = new HostProcess(home, HostProcess.compat())
                .command("Get-Help ./" + name + ".ps1 -Full");

        String expected = Files.readString(HostProcess.compat().resolve(name + ".help.expected.txt"))
                .replace("{script}", script.toString());
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).as(r.all()).isEmpty();
        assertThat(normalize(r.out())).isEqualTo(normalize(expected));
    }

    /** Trailing spaces and the blank lines at the very end do not count; blank lines between sections do. */
    private static String normalize(String text) {
        return text.replace("\r", "").lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }
}
