package org.drizzle.host.runtime;

import java.util.Arrays;
import java.util.List;

/** A {@code { ... }} value: cmdlets invoke it with $_ set; {@code & $sb} runs it; it prints as its text. */
final class ScriptBlockImpl implements org.drizzle.cmdlets.api.ScriptBlock {
    private final ScriptRunner rt;
    private final CompiledUnit unit;
    private final int block;

    ScriptBlockImpl(ScriptRunner rt, CompiledUnit unit, int block) {
        this.rt = rt;
        this.unit = unit;
        this.block = block;
    }

    CompiledUnit unit() {
        return unit;
    }

    int block() {
        return block;
    }

    @Override
    public List<Object> invokeWithInput(Object input, Object... args) {
        return rt.invokeBlock(unit, block, input, Arrays.asList(args));
    }

    @Override
    public List<Object> invokeInCallerScope(Object input) {
        return rt.invokeBlockInCallerScope(unit, block, input);
    }

    @Override
    public String text() {
        return unit.ast(block).text();
    }

    @Override
    public String toString() {
        return text();
    }
}
