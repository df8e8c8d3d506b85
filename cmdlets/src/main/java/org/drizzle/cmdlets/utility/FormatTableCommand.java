package org.drizzle.cmdlets.utility;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.format.ExpressionErrors;
import org.drizzle.cmdlets.format.FormattedText;
import org.drizzle.cmdlets.format.Groups;
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
    @Parameter(help = "Continue long cells (and cells with line breaks) on the next lines instead of cutting them with '...'.")
    boolean wrap;
    @Parameter(help = "Leave out the column headers and their underlines.")
    boolean hideTableHeaders;
    @Parameter(help = "A property (name or calculated) whose value groups consecutive objects into separate tables.")
    Object groupBy;
    @Parameter(help = "Show #ERR in place of a value whose expression failed (by default it stays empty).")
    boolean displayError;
    @Parameter(help = "Also write the error of each expression that failed to the error stream.")
    boolean showError;
    @Parameter(validateSet = {"CoreOnly", "EnumOnly", "Both"}, help = "For an input that is itself a collection: "
            + "EnumOnly (default) its items, CoreOnly the collection's own properties (Length, Count, ...), Both the two.")
    String expand;
    @Parameter(help = "Show an error record's properties (Exception, CategoryInfo, FullyQualifiedErrorId, ...) "
            + "instead of its message.")
    boolean force;

    @Override
    public void end() {
        List<Object> items = FormatInputs.expand(this.items, expand);
        if (items.isEmpty()) {
            return;
        }
        writeObject(new FormattedText(FormatInputs.render(items, force, this::render)));
    }

    private String render(List<Object> items) {
        List<Column> columns = ExpressionErrors.guard(property == null ? Column.defaults(items.get(0))
                : Column.parse(property, items.get(0)), displayError, showError ? this::reportExpressionError : null);
        Table.Options options = new Table.Options(autoSize, wrap, hideTableHeaders);
        int width = context().ui().width();
        return groupBy == null ? Table.render(items, columns, width, options)
                : Groups.render(items, Column.parse(new Object[] {groupBy}, items.get(0)).get(0),
                        group -> Table.render(group, columns, width, options));
    }

    private void reportExpressionError(RuntimeException e) {
        writeError(new org.drizzle.cmdlets.api.ErrorRecord(e, "FormatExpressionError",
                org.drizzle.cmdlets.api.ErrorCategory.INVALID_OPERATION, null));
    }
}
