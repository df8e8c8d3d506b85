package org.drizzle.cmdlets.utility;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.format.Groups;
import org.drizzle.cmdlets.format.ListView;
import org.drizzle.cmdlets.lang.Members;

/** Format-List: renders each input as "Name : value" lines (every property unless -Property says). */
@Cmdlet(verb = "Format", noun = "List", synopsis = "Formats the output as a list of properties.",
        description = "Shows each object's properties, one per line; all of them by default.")
@Example(code = "$job | Format-List", remarks = "Every property of a job, including its error details.")
public class FormatListCommand extends FormatCommandBase {
    @Parameter(position = 0, help = "Properties to show: names, wildcards or calculated properties.")
    Object[] property;
    @Parameter(help = "A property (name or calculated) whose value groups consecutive objects under a heading.")
    Object groupBy;

    @Override
    String render(List<Object> items) {
        if (property == null && groupBy == null) {
            // each object shows its own properties: a run of objects of one shape at a time
            StringBuilder out = new StringBuilder();
            int start = 0;
            for (int i = 1; i <= items.size(); i++) {
                if (i == items.size() || !Members.propertyNames(items.get(i)).equals(Members.propertyNames(items.get(start)))) {
                    out.append(renderRun(items.subList(start, i)));
                    start = i;
                }
            }
            return out.toString();
        }
        return renderRun(items);
    }

    private String renderRun(List<Object> items) {
        Object first = items.get(0);
        List<Column> columns = guarded(property == null
                ? Members.propertyNames(first).stream().map(Column::property).toList() : Column.parse(property, first));
        return groupBy == null ? ListView.render(items, columns)
                : Groups.render(items, Column.parse(new Object[] {groupBy}, first).get(0), group -> ListView.render(group, columns));
    }
}
