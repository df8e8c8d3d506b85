package org.drizzle.cmdlets.utility;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.format.FormattedText;
import org.drizzle.cmdlets.format.Table;

/** Format-Table: renders the inputs as a table fitted to the terminal width. */
@Cmdlet(verb = "Format", noun = "Table", synopsis = "Formats the output as a table.",
        description = "Shows the given properties (default: the object's default view) as table columns fitted to "
                + "the terminal width; -AutoSize sizes columns to their content.")
@Example(code = "Get-BitsTransfer | Format-Table DisplayName, JobState, BytesTransferred -AutoSize",
        remarks = "A compact progress table.")
public class FormatTableCommand extends CollectingCommand {
    @Parameter(position = 0, help = "Properties to show: names, wildcards or calculated properties.")
    Object[] property;
    @Parameter(help = "Size columns to their content.")
    boolean autoSize;

    @Override
    public void end() {
        if (items.isEmpty()) {
            return;
        }
        List<Column> columns = property == null ? Column.defaults(items.get(0)) : Column.parse(property, items.get(0));
        writeObject(new FormattedText(Table.render(items, columns, context().ui().width(), autoSize)));
    }
}
