package org.drizzle.cmdlets.utility;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.format.ExpressionErrors;
import org.drizzle.cmdlets.format.FormattedText;
import org.drizzle.cmdlets.format.Groups;
import org.drizzle.cmdlets.format.ListView;
import org.drizzle.cmdlets.lang.Members;

/** Format-List: renders each input as "Name : value" lines (every property unless -Property says). */
@Cmdlet(verb = "Format", noun = "List", synopsis = "Formats the output as a list of properties.",
        description = "Shows each object's properties, one per line; all of them by default.")
@Example(code = "$job | Format-List", remarks = "Every property of a job, including its error details.")
public class FormatListCommand extends CollectingCommand {
    @Parameter(position = 0, help = "Properties to show: names, wildcards or calculated properties.")
    Object[] property;
    @Parameter(help = "A property (name or calculated) whose value groups consecutive objects under a heading.")
    Object groupBy;
    @Parameter(help = "Show #ERR in place of a value whose expression failed (by default it stays empty).")
    boolean displayError;
    @Parameter(help = "Also write the error of each expression that failed to the error stream.")
    boolean showError;

    @Override
    public void end() {
        if (items.isEmpty()) {
            return;
        }
        Object first = items.get(0);
        List<Column> columns = ExpressionErrors.guard(property == null
                ? Members.propertyNames(first).stream().map(Column::property).toList() : Column.parse(property, first),
                displayError, showError ? this::reportExpressionError : null);
        writeObject(new FormattedText(groupBy == null ? ListView.render(items, columns)
                : Groups.render(items, Column.parse(new Object[] {groupBy}, first).get(0), group -> ListView.render(group, columns))));
    }

    private void reportExpressionError(RuntimeException e) {
        writeError(new org.drizzle.cmdlets.api.ErrorRecord(e, "FormatExpressionError",
                org.drizzle.cmdlets.api.ErrorCategory.INVALID_OPERATION, null));
    }
}
