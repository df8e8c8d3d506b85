package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.lang.Comparison;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;

/** Select-Object: picks properties (also calculated ones), expands one, or keeps the first/last items. */
@Cmdlet(verb = "Select", noun = "Object", synopsis = "Selects objects or object properties.",
        description = "With -Property makes new objects holding only those properties (names, wildcards or "
                + "@{n='Name';e={...}}); -ExpandProperty outputs a property's value itself; -First, -Last and "
                + "-Skip pick items; -Unique drops duplicates.")
@Example(code = "Get-BitsTransfer -AllUsers | Select-Object DisplayName, OwnerAccount, @{n='Files';e={$_.FileList.LocalName}}",
        remarks = "An audit table with a calculated column.")
@Example(code = "Get-BitsTransfer | Select-Object -First 1 -ExpandProperty JobId", remarks = "The first job's id.")
public class SelectObjectCommand extends Command {
    @Parameter(position = 0, help = "Properties to keep: names, wildcards or calculated properties.")
    Object[] property;
    @Parameter(help = "A property whose value is output instead of the object.")
    String expandProperty;
    @Parameter(help = "Keep only the first N items.")
    Integer first;
    @Parameter(help = "Keep only the last N items.")
    Integer last;
    @Parameter(help = "Skip the first N items.")
    int skip;
    @Parameter(help = "Drop duplicate results.")
    boolean unique;
    @Parameter(help = "Properties to leave out (wildcards); alone, every other property is kept.")
    String[] excludeProperty;
    @Parameter(help = "Drop the last N items.")
    int skipLast;
    @Parameter(help = "Keep only the items at these positions (0 is the first).")
    int[] index;
    @Parameter(help = "Drop the items at these positions (0 is the first).")
    int[] skipIndex;
    @Parameter(help = "With -Unique, strings that differ only in case are the same.")
    boolean caseInsensitive;
    @Parameter(help = "Let the commands before run to their end (without it, -First stops them once it has its N items).")
    boolean wait;
    @Parameter(valueFromPipeline = true, help = "The objects to select from.")
    Object inputObject;

    private final List<Object> kept = new ArrayList<>();
    private int seen;
    private List<Column> columns;

    @Override
    public void process(Object input) {
        Object item = Outputs.item(inputObject, input);
        int position = seen;
        if (seen++ < skip || index != null && java.util.Arrays.stream(index).noneMatch(i -> i == position)
                || skipIndex != null && java.util.Arrays.stream(skipIndex).anyMatch(i -> i == position)) {
            return;
        }
        Object result = select(item);
        if (last == null && !unique && skipLast <= 0) {
            if (first == null || seen - skip <= first) {
                emit(result);
            }
            if (first != null && !wait && index == null && seen - skip >= first) {
                // as PowerShell: the commands before stop (a Get-Content -Wait ends); this one still ends
                throw new org.drizzle.cmdlets.api.StopUpstreamException(this);
            }
            return;
        }
        kept.add(result);
    }

    @Override
    public void end() {
        List<Object> out = kept;
        if (unique) {
            List<Object> distinct = new ArrayList<>();
            for (Object o : out) {
                if (distinct.stream().noneMatch(d -> Comparison.areEqual(d, o, !caseInsensitive))) {
                    distinct.add(o);
                }
            }
            out = distinct;
        }
        if (first != null) {
            out = out.subList(0, Math.min(first, out.size()));
        }
        if (last != null) {
            out = out.subList(Math.max(0, out.size() - last), out.size());
        }
        if (skipLast > 0) {
            out = out.subList(0, Math.max(0, out.size() - skipLast));
        }
        out.forEach(this::emit);
    }

    private Object select(Object item) {
        Object base = item;
        Object[] wanted = property == null && excludeProperty != null ? new Object[] {"*"} : property;
        if (wanted != null) {
            if (columns == null) {
                columns = Column.parse(wanted, item);
                if (excludeProperty != null) {
                    columns = columns.stream().filter(c -> java.util.Arrays.stream(excludeProperty)
                            .noneMatch(x -> org.drizzle.cmdlets.lang.WildcardPattern.of(x).matches(c.header()))).toList();
                }
            }
            PSCustomObject o = new PSCustomObject();
            for (Column c : columns) {
                o.setProperty(c.header(), c.value().apply(item));
            }
            base = o;
        }
        if (expandProperty != null) {
            if (!Members.hasProperty(base, expandProperty)) {
                throw new IllegalArgumentException("Property \"" + expandProperty + "\" cannot be found.");
            }
            return new Expanded(Members.getProperty(base, expandProperty));
        }
        return base;
    }

    private void emit(Object o) {
        if (o instanceof Expanded e) {
            context().writeEnumerated(e.value());
        } else {
            writeObject(o);
        }
    }

    /** An -ExpandProperty value, enumerated when written. */
    private record Expanded(Object value) {
    }
}
