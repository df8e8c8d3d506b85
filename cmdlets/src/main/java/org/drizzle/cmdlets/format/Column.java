package org.drizzle.cmdlets.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.WildcardPattern;

/**
 * One property to show or select: a property name, or a calculated property
 * {@code @{Name='Files'; Expression={ $_.FileList.LocalName }}} (keys n/name/label/l and
 * e/expression), as Select-Object, Format-Table, Sort-Object and Group-Object take them.
 */
public record Column(String header, Function<Object, Object> value) {

    public static Column property(String name) {
        return new Column(name, o -> Members.getProperty(o, name));
    }

    /** Parses -Property values; wildcard names expand against {@code sample}'s properties. */
    public static List<Column> parse(Object[] specs, Object sample) {
        List<Column> out = new ArrayList<>();
        for (Object spec : specs) {
            if (spec instanceof Map<?, ?> map) {
                out.add(calculated(map));
            } else if (spec instanceof ScriptBlock sb) {
                out.add(new Column(sb.text().trim(), o -> single(sb.invokeWithInput(o))));
            } else {
                String name = LanguagePrimitives.toStr(spec);
                if (WildcardPattern.containsWildcard(name) && sample != null) {
                    WildcardPattern p = WildcardPattern.of(name);
                    Members.propertyNames(sample).stream().filter(p::matches).forEach(n -> out.add(property(n)));
                } else {
                    out.add(property(name));
                }
            }
        }
        return out;
    }

    private static Column calculated(Map<?, ?> map) {
        Object name = null;
        Object expression = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String k = String.valueOf(e.getKey()).toLowerCase();
            if (k.equals("n") || k.equals("name") || k.equals("l") || k.equals("label")) {
                name = e.getValue();
            } else if (k.equals("e") || k.equals("expression")) {
                expression = e.getValue();
            } else if (!k.equals("width") && !k.equals("alignment") && !k.equals("formatstring")) {
                throw new IllegalArgumentException("The \"" + e.getKey() + "\" key is not valid in a calculated "
                        + "property; use Name (n) and Expression (e).");
            }
        }
        if (expression == null) {
            throw new IllegalArgumentException("A calculated property needs an Expression (e) key.");
        }
        if (expression instanceof ScriptBlock sb) {
            return new Column(name == null ? sb.text().trim() : LanguagePrimitives.toStr(name),
                    o -> single(sb.invokeWithInput(o)));
        }
        String prop = LanguagePrimitives.toStr(expression);
        return new Column(name == null ? prop : LanguagePrimitives.toStr(name), o -> Members.getProperty(o, prop));
    }

    /** A script block's output as one value: nothing is $null, one item is itself, more is an array. */
    static Object single(List<Object> out) {
        return out.isEmpty() ? null : out.size() == 1 ? out.get(0) : out;
    }

    /** The columns an object shows by default: its default view, else all its properties. */
    public static List<Column> defaults(Object o) {
        List<String> names = o instanceof DefaultView v ? v.defaultProperties() : Members.propertyNames(o);
        return names.stream().map(Column::property).toList();
    }
}
