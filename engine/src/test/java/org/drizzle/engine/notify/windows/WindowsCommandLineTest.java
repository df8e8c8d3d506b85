package org.drizzle.engine.notify.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drizzle.engine.notify.SystemEvent;
import org.junit.jupiter.api.Test;

/** CreateProcessAsUser command lines that CommandLineToArgvW splits back into the same words. */
class WindowsCommandLineTest {

    @Test
    void quotesOnlyWhatNeedsQuoting() {
        assertThat(WindowsCommandLine.join(List.of("C:\\Program Files\\app.exe", "{guid}", "plain")))
                .isEqualTo("\"C:\\Program Files\\app.exe\" {guid} plain");
        assertThat(WindowsCommandLine.join(List.of("C:\\a.exe", ""))).isEqualTo("C:\\a.exe \"\"");
    }

    @Test
    void backslashesDoubleOnlyBeforeAQuote() {
        assertThat(WindowsCommandLine.join(List.of("say \"hi\""))).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(WindowsCommandLine.join(List.of("C:\\dir with space\\"))).isEqualTo("\"C:\\dir with space\\\\\"");
        assertThat(WindowsCommandLine.join(List.of("a\\\\b c"))).isEqualTo("\"a\\\\b c\"");
    }

    @Test
    void severitiesMapToEventTypes() {
        assertThat(WindowsEventLog.eventType(SystemEvent.Severity.ERROR)).isEqualTo(1);
        assertThat(WindowsEventLog.eventType(SystemEvent.Severity.WARNING)).isEqualTo(2);
        assertThat(WindowsEventLog.eventType(SystemEvent.Severity.INFO)).isEqualTo(4);
    }
}
