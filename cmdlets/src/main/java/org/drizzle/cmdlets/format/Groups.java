package org.drizzle.cmdlets.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * Format-Table/Format-List -GroupBy: consecutive objects with the same value of the property form a
 * group (the input is not sorted, as in PowerShell), each shown under a "   Label: value" line.
 */
public final class Groups {
    private Groups() {
    }

    /** One run of objects sharing the value. */
    public record Group(String heading, List<Object> items) {
    }

    public static List<Group> of(List<Object> items, Column by) {
        List<Group> out = new ArrayList<>();
        String last = null;
        for (Object o : items) {
            String value = LanguagePrimitives.toStr(by.value().apply(o));
            if (out.isEmpty() || !Objects.equals(last, value)) {
                out.add(new Group("\n   " + by.header() + ": " + value + "\n", new ArrayList<>()));
                last = value;
            }
            out.get(out.size() - 1).items().add(o);
        }
        return out;
    }

    /** Each group's heading followed by its objects drawn by {@code draw}. */
    public static String render(List<Object> items, Column by, Function<List<Object>, String> draw) {
        StringBuilder out = new StringBuilder();
        for (Group g : of(items, by)) {
            out.append(g.heading()).append(draw.apply(g.items()));
        }
        return out.toString();
    }
}
