package org.drizzle.cmdlets.format;

import java.util.List;
import java.util.function.Consumer;

/**
 * How Format-Table and Format-List treat a property whose expression fails, as PowerShell does: the
 * cell stays empty; with -DisplayError it shows {@code #ERR}; with -ShowError the error is also written
 * to the error stream.
 */
public final class ExpressionErrors {
    /** What PowerShell's formatter shows in place of a value whose expression failed (-DisplayError). */
    public static final String MARK = "#ERR";

    private ExpressionErrors() {
    }

    /** The columns, each catching its expression's failure; {@code report} null unless -ShowError. */
    public static List<Column> guard(List<Column> columns, boolean display, Consumer<RuntimeException> report) {
        return columns.stream().map(c -> new Column(c.header(), o -> {
            try {
                return c.value().apply(o);
            } catch (RuntimeException e) {
                if (report != null) {
                    report.accept(e);
                }
                return display ? MARK : null;
            }
        })).toList();
    }
}
