package org.drizzle.cmdlets.utility;

import java.util.List;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Column;
import org.drizzle.cmdlets.format.ExpressionErrors;
import org.drizzle.cmdlets.format.FormattedText;

/**
 * What Format-Table and Format-List share: -Expand, -Force, -DisplayError and -ShowError, and
 * rendering the collected inputs once they are all in ({@link #render}).
 */
abstract class FormatCommandBase extends CollectingCommand {
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

    /** The text of {@code items} (at least one). */
    abstract String render(List<Object> items);

    /** {@code columns} with -DisplayError and -ShowError applied to their expressions. */
    List<Column> guarded(List<Column> columns) {
        return ExpressionErrors.guard(columns, displayError, showError ? this::reportExpressionError : null);
    }

    private void reportExpressionError(RuntimeException e) {
        writeError(new ErrorRecord(e, "FormatExpressionError", ErrorCategory.INVALID_OPERATION, null));
    }
}
