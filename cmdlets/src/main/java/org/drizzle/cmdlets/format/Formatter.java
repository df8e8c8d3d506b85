package org.drizzle.cmdlets.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.lang.DisplaysAsText;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;

/**
 * PowerShell-style output formatting. Scalars print as themselves; objects with a default
 * view or at most four properties print as a table, others as a list; a change of object
 * shape starts a new table. Used by Out-Default (host), Out-String, Format-Table and Format-List.
 */
public final class Formatter {
    private Formatter() {
    }

    /** Out-Default's rendering of a stream of objects at terminal width {@code width}. */
    public static String format(List<Object> objects, int width) {
        StringBuilder out = new StringBuilder();
        List<Object> group = new ArrayList<>();
        List<String> shape = null;
        for (Object o : objects) {
            if (o instanceof FormattedText t) {
                flush(out, group, width);
                out.append(t.text());
                continue;
            }
            if (o instanceof org.drizzle.cmdlets.api.StreamRecord r) {
                flush(out, group, width);
                out.append(r.display()).append('\n');
                continue;
            }
            if (o instanceof org.drizzle.cmdlets.api.ErrorRecord e) {
                flush(out, group, width);
                out.append(e.commandName() == null ? e.message() : e.commandName() + ": " + e.message()).append('\n');
                continue;
            }
            if (Members.isScalar(o) || o instanceof Map<?, ?> || o instanceof DisplaysAsText) {
                flush(out, group, width);
                out.append(o instanceof Map<?, ?> m ? Table.render(mapRows(m), List.of(
                        Column.property("Name"), Column.property("Value")), width, false) : scalarText(o) + "\n");
                continue;
            }
            List<String> s = Members.propertyNames(o);
            if (shape != null && !s.equals(shape)) {
                flush(out, group, width);
            }
            shape = s;
            group.add(o);
        }
        flush(out, group, width);
        return out.toString();
    }

    private static void flush(StringBuilder out, List<Object> group, int width) {
        if (group.isEmpty()) {
            return;
        }
        Object first = group.get(0);
        List<Column> columns = Column.defaults(first);
        if (first instanceof DefaultView || columns.size() <= 4) {
            out.append(Table.render(group, columns, width, false));
        } else {
            out.append(ListView.render(group, columns));
        }
        group.clear();
    }

    private static List<Object> mapRows(Map<?, ?> m) {
        List<Object> rows = new ArrayList<>();
        m.forEach((k, v) -> rows.add(Map.of("Name", String.valueOf(k), "Value", v == null ? "" : v)));
        return rows;
    }

    /** A value as a table cell or list entry shows it: collections as {a, b, c}, sizes as numbers. */
    /** A scalar on its own line: a Get-Date value shows as its DisplayHint says. */
    public static String scalarText(Object v) {
        String hinted = org.drizzle.cmdlets.lang.DisplayHints.display(v);
        return hinted != null ? hinted : text(v);
    }

    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (!Members.isScalar(v) && LanguagePrimitives.isEnumerable(v)) {
            List<Object> items = LanguagePrimitives.toList(v);
            List<String> parts = new ArrayList<>();
            for (Object i : items) {
                parts.add(text(i));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return LanguagePrimitives.toStr(v);
    }
}
