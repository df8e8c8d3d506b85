package org.drizzle.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drizzle.engine.notify.windows.WindowsCommandLine;
import org.junit.jupiter.api.Test;

/** CommandLineToArgvW splitting of notify parameters (Microsoft's "Parsing C command-line arguments" table). */
class NotifyCommandLineTest {

    @Test
    void spacesSeparateWordsOutsideQuotes() {
        assertThat(NotifyCommandLine.split("prog hello \"two words\"")).containsExactly("prog", "hello", "two words");
        assertThat(NotifyCommandLine.split("  prog\t a   b  ")).containsExactly("prog", "a", "b");
        assertThat(NotifyCommandLine.split("prog \"\" x")).containsExactly("prog", "", "x");
        assertThat(NotifyCommandLine.split("")).isEmpty();
        assertThat(NotifyCommandLine.split("   ")).isEmpty();
    }

    @Test
    void microsoftsExamplesAfterTheProgramName() {
        assertThat(rest("p \"a b c\" d e")).containsExactly("a b c", "d", "e");
        assertThat(rest("p \"ab\\\"c\" \"\\\\\" d")).containsExactly("ab\"c", "\\", "d");
        assertThat(rest("p a\\\\\\b d\"e f\"g h")).containsExactly("a\\\\\\b", "de fg", "h");
        assertThat(rest("p a\\\\\\\"b c d")).containsExactly("a\\\"b", "c", "d");
        assertThat(rest("p a\\\\\\\\\"b c\" d e")).containsExactly("a\\\\b c", "d", "e");
        assertThat(rest("p a\"b\"\" c d")).containsExactly("ab\"", "c", "d");
    }

    @Test
    void theProgramNameKeepsItsBackslashesAndEndsAtItsClosingQuote() {
        assertThat(NotifyCommandLine.split("\"C:\\Program Files\\cb.exe\" x")).containsExactly("C:\\Program Files\\cb.exe", "x");
        assertThat(NotifyCommandLine.split("c:\\callback.exe parm1 parm2")).containsExactly("c:\\callback.exe", "parm1", "parm2");
    }

    @Test
    void argvDropsTheParametersFirstWordAndKeepsOtherForms() {
        assertThat(NotifyCommandLine.argv(List.of("/bin/prog", "prog hello \"two words\"")))
                .containsExactly("/bin/prog", "hello", "two words");
        assertThat(NotifyCommandLine.argv(List.of("/bin/prog", "prog"))).containsExactly("/bin/prog");
        assertThat(NotifyCommandLine.argv(List.of("/bin/prog"))).containsExactly("/bin/prog");
        assertThat(NotifyCommandLine.argv(List.of("/bin/sh", "-c", "echo x"))).containsExactly("/bin/sh", "-c", "echo x");
    }

    @Test
    void splitUndoesWindowsCommandLineJoin() {
        List<String> words = List.of("C:\\Program Files\\a.exe", "two words", "say \"hi\"", "C:\\dir with space\\", "a\\\\b", "");
        assertThat(NotifyCommandLine.split(WindowsCommandLine.join(words))).isEqualTo(words);
    }

    private static List<String> rest(String line) {
        List<String> words = NotifyCommandLine.split(line);
        return words.subList(1, words.size());
    }
}
