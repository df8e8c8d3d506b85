package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.lang.PropertyBag;

/**
 * What Format-Table and Format-List draw of their inputs: -Expand for an input that is itself a
 * collection (EnumOnly, the default: its items; CoreOnly: the collection object's own properties;
 * Both: the collection, then its items) and -Force for error records (without it an error record
 * shows as its message, as the error view does; with it, as its properties).
 */
final class FormatInputs {
    static final String[] EXPAND = {"CoreOnly", "EnumOnly", "Both"};

    private FormatInputs() {
    }

    static List<Object> expand(List<Object> items, String expand) {
        String mode = expand == null ? "enumonly" : expand.toLowerCase(Locale.ROOT);
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (!isCollection(item)) {
                out.add(item);
                continue;
            }
            List<Object> elements = LanguagePrimitives.toList(item);
            if (!mode.equals("enumonly")) {
                out.add(core(elements.size()));
            }
            if (!mode.equals("coreonly")) {
                elements.stream().filter(e -> e != null).forEach(out::add);
            }
        }
        return out;
    }

    /** Renders runs of ordinary objects with {@code renderer}; without -Force an error record is its message. */
    static String render(List<Object> items, boolean force, Function<List<Object>, String> renderer) {
        if (force || items.stream().noneMatch(i -> i instanceof ErrorRecord)) {
            return renderer.apply(items);
        }
        StringBuilder out = new StringBuilder();
        List<Object> run = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof ErrorRecord e) {
                if (!run.isEmpty()) {
                    out.append(renderer.apply(run));
                    run = new ArrayList<>();
                }
                out.append(e.commandName() == null ? e.message() : e.commandName() + ": " + e.message()).append('\n');
            } else {
                run.add(item);
            }
        }
        if (!run.isEmpty()) {
            out.append(renderer.apply(run));
        }
        return out.toString();
    }

    private static boolean isCollection(Object o) {
        return !Members.isScalar(o) && !(o instanceof Map<?, ?>) && !(o instanceof PropertyBag)
                && LanguagePrimitives.isEnumerable(o);
    }

    /** The properties of a script's array (System.Object[]) as PowerShell's formatter shows them. */
    private static PSCustomObject core(int count) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Length", count);
        o.setProperty("LongLength", (long) count);
        o.setProperty("Rank", 1);
        o.setProperty("IsReadOnly", false);
        o.setProperty("IsFixedSize", true);
        o.setProperty("IsSynchronized", false);
        o.setProperty("Count", count);
        return o;
    }
}
