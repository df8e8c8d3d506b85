package org.drizzle.host.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.drizzle.cmdlets.format.Formatter;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.utility.JsonConverter;

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
    private final IntSupplier width;
    private final List<Object> pending = new ArrayList<>();

    public ConsoleOutput(PrintStream out, Format format, IntSupplier width) {
        this.out = out;
        this.format = format;
        this.width = width;
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
        if (format == Format.TEXT && pending.isEmpty() && Members.isScalar(v)) {
            out.println(Formatter.text(v));
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
            out.println(JsonConverter.toJson(items.size() == 1 ? items.get(0) : items, 3, false));
        } else {
            String text = Formatter.format(items, width.getAsInt());
            out.print(text.endsWith("\n") ? text : text + System.lineSeparator());
        }
        out.flush();
    }
}
