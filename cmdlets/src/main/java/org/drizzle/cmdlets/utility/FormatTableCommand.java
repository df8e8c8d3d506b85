package org.drizzle.cmdlets.utility;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.format.Groups;
import org.drizzle.cmdlets.format.Table;

/** Format-Table: renders the inputs as a table fitted to the terminal width. */
@Cmdlet(verb = "Format", noun = "Table", synopsis = "Formats the output as a table.",
        description = "Shows the given properties (default: the object's default view) as table columns fitted to "
                + "the terminal width; -AutoSize sizes columns to their content.")
@Example(code = "Get-BitsTransfer | Format-Table DisplayName, JobState, BytesTransferred -AutoSize",
        remarks = "A compact progress table.")
public class FormatTableCommand extends FormatCommandBase {
    @Parameter(position = 0, help = "Properties to show: names, wildcards or calculated properties.")
    Object[] property;
    @Parameter(help = "Size columns to their content.")
    boolean autoSize;
    @Parameter(help = "Continue long cells (and cells with line breaks) on the next lines instead of cutting them with '...'.")
    boolean wrap;
    @Parameter(help = "Leave out the column headers and their underlines.")
    boolean hideTableHeaders;
    @Parameter(help = "A property (name or calculated) whose value groups consecutive objects into separate tables.")
    Object groupBy;

    @Override
    String render(List<Object> items) {
        List<Column> columns = guarded(property == null ? Column.defaults(items.get(0)) : Column.parse(property, items.get(0)));
        Table.Options options = new Table.Options(autoSize, wrap, hideTableHeaders);
        int width = context().ui().width();
        return groupBy == null ? Table.render(items, columns, width, options)
                : Groups.render(items, Column.parse(new Object[] {groupBy}, items.get(0)).get(0),
                        group -> Table.render(group, columns, width, options));
    }
}
