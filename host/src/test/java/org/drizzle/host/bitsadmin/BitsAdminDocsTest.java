package org.drizzle.host.bitsadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/bitsadmin.md's switch table is the {@link SwitchTable} declarations, row for row. Run with
 * {@code -Dbitsadmin.docs.update=true} to rewrite it after changing a declaration.
 */
class BitsAdminDocsTest {
    private static final String START = "<!-- switch table: generated from SwitchTable by BitsAdminDocsTest -->\n";
    private static final String END = "<!-- end of switch table -->";

    @Test
    void theDocsSwitchTableMatchesTheDeclarations() throws Exception {
        Path doc = Path.of("").toAbsolutePath().resolveSibling("docs").resolve("bitsadmin.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        assertThat(from).as("table start marker in " + doc).isNotNegative();
        assertThat(to).as("table end marker in " + doc).isGreaterThan(from);
        String expected = table();
        if (Boolean.getBoolean("bitsadmin.docs.update")) {
            text = text.substring(0, from + START.length()) + expected + text.substring(to);
            Files.writeString(doc, text, StandardCharsets.UTF_8);
        }
        assertThat(text.substring(from + START.length(), to)).isEqualTo(expected);
    }

    static String table() {
        StringBuilder sb = new StringBuilder("| switch and arguments | what it does | here |\n|---|---|---|\n");
        String marker = " (not supported on this platform)";
        for (Switch s : SwitchTable.all()) {
            boolean unsupported = s.help().endsWith(marker);
            String help = unsupported ? s.help().substring(0, s.help().length() - marker.length()) : s.help();
            sb.append("| `").append(s.usage().replace("|", "\\|")).append("` | ").append(help).append(" | ")
                    .append(unsupported ? "not supported: E_NOTIMPL" : "yes").append(" |\n");
        }
        return sb.toString();
    }
}
