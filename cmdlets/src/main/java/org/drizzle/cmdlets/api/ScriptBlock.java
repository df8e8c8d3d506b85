package org.drizzle.cmdlets.api;

import java.util.List;

/**
 * A script block ({ ... }) as cmdlets see it: Where-Object, ForEach-Object, calculated
 * properties and Sort-Object expressions invoke it. Implemented by the host runtime.
 */
public interface ScriptBlock {

    /**
     * Runs the block with {@code $_}/{@code $PSItem} bound to {@code input} and {@code $args}
     * to {@code args}; returns everything it wrote to the output stream, in order.
     */
    List<Object> invokeWithInput(Object input, Object... args);

    /**
     * As {@link #invokeWithInput}, but in the caller's own scope, as ForEach-Object and
     * Where-Object run their blocks: {@code $count++} inside changes the caller's $count.
     */
    default List<Object> invokeInCallerScope(Object input) {
        return invokeWithInput(input);
    }

    /** The block's source text, without the braces (for errors and ToString()). */
    String text();
}
