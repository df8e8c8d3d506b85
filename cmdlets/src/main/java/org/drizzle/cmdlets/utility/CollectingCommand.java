package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Parameter;

/**
 * Base of the aggregating cmdlets (Sort-Object's shape): {@code process} collects every
 * non-null pipeline object, and the subclass acts on the whole list in {@code end()}.
 */
abstract class CollectingCommand extends Command {
    @Parameter(valueFromPipeline = true, help = "The objects to process.")
    Object inputObject;

    /** Everything collected so far, in pipeline order. */
    protected final List<Object> items = new ArrayList<>();

    @Override
    public final void process(Object input) {
        Object item = Outputs.item(inputObject, input);
        if (item != null) {
            items.add(item);
        }
    }
}
