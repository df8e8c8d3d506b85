package org.drizzle.host.compile;

import java.util.List;
import org.drizzle.host.ast.ScriptBlockAst;

/**
 * The compiler's output for one source unit: JavaScript that evaluates to a function
 * {@code (rt, K) -> B}, where B[i] holds the JS functions of script block i (block 0 is the
 * script itself), K the constants JS cannot spell exactly (longs, doubles, big integers).
 *
 * @param blocks the script blocks by index, so the runtime can read their param() and text
 */
public record CompiledScript(String file, String javaScript, List<ScriptBlockAst> blocks, List<Object> constants) {
}
