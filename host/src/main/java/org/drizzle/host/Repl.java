package org.drizzle.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.host.runtime.ScriptRunner;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: JLine line editing with a history file, tab completion
 * ({@link ReplCompleter}), and multi-line entry: a line whose block, string or pipeline is
 * unfinished continues on the next line (our own parser decides, so the rule matches scripts).
 */
final class Repl {
    private final HostSession host;

    Repl(HostSession host) {
        this.host = host;
    }

    int run() {
        int last = 0;
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("drizzle")
                    .parser(new ContinuationParser())
                    .completer(new ReplCompleter(host.session()))
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, ">> ")
                    .build();
            terminal.writer().println("Drizzle " + Main.VERSION + " - type Get-Help, Get-Command, or exit.");
            while (true) {
                host.ui().setWidth(terminal.getSize().getColumns());
                String line;
                try {
                    line = reader.readLine("PS " + host.session().location() + "> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return last;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.trim().equalsIgnoreCase("exit")) {
                    return last;
                }
                last = host.run(line, "<repl>", false, List.of());
                if (host.exitRequested()) {
                    return last;
                }
            }
        } catch (IOException e) {
            System.err.println("drizzle: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    private static Path historyFile() {
        String home = System.getenv("DRIZZLE_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".local", "share", "drizzle");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "drizzle_history");
        }
        return dir.resolve("history");
    }

    /** Asks for another line while the entry is incomplete (open brace, quote or trailing pipe). */
    private static final class ContinuationParser extends DefaultParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE) {
                String trimmed = line.stripTrailing();
                if (trimmed.endsWith("|") || trimmed.endsWith("`")) {
                    throw new EOFError(-1, -1, "pipeline continues");
                }
                try {
                    ScriptRunner.parse(line, "<repl>");
                } catch (org.drizzle.host.lex.ParseException e) {
                    if (e.isIncomplete()) {
                        throw new EOFError(-1, -1, e.reason());
                    }
                }
            }
            return super.parse(line, cursor, context);
        }
    }
}
