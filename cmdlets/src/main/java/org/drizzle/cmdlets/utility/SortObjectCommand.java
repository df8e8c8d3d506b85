package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.lang.Comparison;

/** Sort-Object: collects the inputs and emits them ordered by properties (PowerShell comparison rules). */
@Cmdlet(verb = "Sort", noun = "Object", synopsis = "Sorts objects by property values.",
        description = "Sorts the inputs by the given properties (or by themselves), case-insensitively, stable; "
                + "-Descending reverses, -Unique drops equal items.")
@Example(code = "Get-BitsTransfer | Sort-Object CreationTime -Descending", remarks = "Newest jobs first.")
public class SortObjectCommand extends Command {
    @Parameter(position = 0, help = "Properties or script blocks to sort by.")
    Object[] property;
    @Parameter(help = "Sort in descending order.")
    boolean descending;
    @Parameter(help = "Only the first N items of the sorted result.")
    Integer top;
    @Parameter(help = "Only the last N items of the sorted result.")
    Integer bottom;
    @Parameter(help = "Keep equal items in their input order (the sort always is stable here).")
    boolean stable;
    @Parameter(help = "Drop duplicates.")
    boolean unique;
    @Parameter(help = "Compare strings case-sensitively.")
    boolean caseSensitive;
    @Parameter(valueFromPipeline = true, help = "The objects to sort.")
    Object inputObject;

    private final List<Object> items = new ArrayList<>();

    @Override
    public void process(Object input) {
        Object item = Outputs.item(inputObject, input);
        if (item != null || input != null) {
            items.add(item);
        }
    }

    @Override
    public void end() {
        if (items.isEmpty()) {
            return;
        }
        List<Column> keys = property == null ? List.of(new Column("", o -> o)) : Column.parse(property, items.get(0));
        Comparator<Object> order = (a, b) -> {
            for (Column k : keys) {
                int c = Comparison.compare(k.value().apply(a), k.value().apply(b), caseSensitive);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        List<Object> sorted = new ArrayList<>(items);
        sorted.sort(descending ? order.reversed() : order);
        Object previous = null;
        boolean firstItem = true;
        List<Object> out = new ArrayList<>();
        for (Object o : sorted) {
            if (unique && !firstItem && order.compare(previous, o) == 0) {
                continue;
            }
            out.add(o);
            previous = o;
            firstItem = false;
        }
        if (top != null) {
            out = out.subList(0, Math.min(top, out.size()));
        }
        if (bottom != null) {
            out = out.subList(Math.max(0, out.size() - bottom), out.size());
        }
        out.forEach(this::writeObject);
    }
}
