package org.drizzle.host.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drizzle.host.ast.ScriptBlockAst;

/**
 * The resolve phase's result: every script block of the unit numbered in the order the
 * emitter meets them (0 is the script), so generated code refers to blocks by index.
 */
final class BlockTable {
    private final List<ScriptBlockAst> blocks = new ArrayList<>();
    private final Map<ScriptBlockAst, Integer> index = new IdentityHashMap<>();

    int indexOf(ScriptBlockAst block) {
        return index.computeIfAbsent(block, b -> {
            blocks.add(b);
            return blocks.size() - 1;
        });
    }

    List<ScriptBlockAst> blocks() {
        return blocks;
    }

    int size() {
        return blocks.size();
    }

    ScriptBlockAst get(int i) {
        return blocks.get(i);
    }
}
