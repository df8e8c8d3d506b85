package org.drizzle.host.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.drizzle.cmdlets.api.ProgressRecord;
import org.junit.jupiter.api.Test;

class TerminalUiTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private TerminalUi ui(boolean interactive) {
        return new TerminalUi(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), interactive);
    }

    @Test
    void progressBarIsDrawnOnlyOnATerminal() {
        ProgressRecord r = new ProgressRecord(1, "big.iso", "40 MB of 100 MB, 5.0 MB/s, Transferring", 40, null, false);
        TerminalUi quiet = ui(false);
        quiet.progress(r);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        TerminalUi tty = ui(true);
        tty.setWidth(100);
        tty.progress(r);
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("big.iso [", "40%", "5.0 MB/s, Transferring").contains("#").contains(".");
        err.reset();
        tty.progress(new ProgressRecord(1, "big.iso", "", 100, null, true));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\r\u001B[2K");
    }

    @Test
    void coloursOnlyOnATerminalAndDiagnosticsOnStderr() {
        ui(false).write("plain", "Green", true);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("plain" + System.lineSeparator());
        out.reset();
        ui(false).diagnostic("oops", "Red");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("oops");
        if (System.getenv("NO_COLOR") == null) {
            ui(true).write("hi", "Green", false);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\u001B[92mhi\u001B[0m");
        }
    }
}
