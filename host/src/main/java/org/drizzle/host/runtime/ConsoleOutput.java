package org.drizzle.host.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.drizzle.cmdlets.format.Formatter;
import org.drizzle.cmdlets.lang.DisplaysAsText;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.utility.JsonConverter;
import org.drizzle.host.console.TerminalUi;

/**
 * Out-Default: what reaches the end of a top-level pipeline is printed. Text mode prints
 * scalars at once and collects objects until the statement ends, so a statement's objects share
 * one table (h5's {@link Formatter} picks table or list and fits the width). Json mode writes
 * each statement's output as JSON (one object, or an array for several) for scripts to parse.
 */
public final class ConsoleOutput implements Consumer<Object> {
    /** -OutputFormat. */
    public enum Format { TEXT, JSON }

    private final PrintStream out;
    private final Format format;
    private final TerminalUi ui;
    private final List<Object> pending = new ArrayList<>();

    /** {@code ui} gives the width tables are fitted to and keeps the transcript of what is printed. */
    public ConsoleOutput(PrintStream out, Format format, TerminalUi ui) {
        this.out = out;
        this.format = format;
        this.ui = ui;
    }

    private void print(String text) {
        String line = text.endsWith("\n") ? text : text + System.lineSeparator();
        out.print(line);
        ui.record(line);
    }

    @Override
    public void accept(Object v) {
        if (v == null) {
            return;
        }
        if (org.drizzle.cmdlets.lang.LanguagePrimitives.isEnumerable(v)) {
            org.drizzle.cmdlets.lang.LanguagePrimitives.toList(v).forEach(this::accept);
            return;
        }
        if (format == Format.TEXT && pending.isEmpty() && (Members.isScalar(v) || v instanceof DisplaysAsText)) {
            print(Formatter.scalarText(v));
            out.flush();
            return;
        }
        pending.add(v);
    }

    /** Writes what the finished statement produced. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Object> items = new ArrayList<>(pending);
        pending.clear();
        if (format == Format.JSON) {
            print(JsonConverter.toJson(items.size() == 1 ? items.get(0) : items, 3, false));
        } else {
            print(Formatter.format(items, ui.width()));
        }
        out.flush();
    }
}
