package org.drizzle.cmdlets.format;

import java.util.List;

/** Renders objects as lists: "Name : value" per property, names padded, a blank line between objects. */
public final class ListView {
    private ListView() {
    }

    public static String render(List<Object> objects, List<Column> columns) {
        int pad = columns.stream().mapToInt(c -> c.header().length()).max().orElse(0);
        StringBuilder out = new StringBuilder("\n");
        for (Object o : objects) {
            for (Column c : columns) {
                String v = Formatter.text(c.value().apply(o));
                out.append(c.header()).append(" ".repeat(pad - c.header().length())).append(" : ")
                        .append(v.replace("\n", "\n" + " ".repeat(pad + 3))).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
