package org.drizzle.host.compile;

import java.util.List;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.parse.Parser;

/**
 * PowerShell to JavaScript for Nashorn. The phases, in order (the runtime's
 * {@code ScriptRunner} calls them one by one; {@link #compile(String, String)} runs them all):
 * <ol>
 *   <li><b>parse</b> ({@link Parser}): source to an immutable AST with positions;</li>
 *   <li><b>lower</b> ({@link Lowering}): AST to AST, desugaring what PowerShell defines in terms
 *       of simpler constructs (compound assignment), so the emitter maps each construct once;</li>
 *   <li><b>resolve</b> ({@link BlockTable}): number every script block so code refers to it by index;</li>
 *   <li><b>emit JS</b> ({@link JsEmitter}): one JS function per begin/process/end block; every operator
 *       and variable access is a call on the runtime bridge {@code rt}, never raw JS semantics.</li>
 * </ol>
 */
public final class JsCompiler {
    private JsCompiler() {
    }

    /** All phases: parse, lower, emit. */
    public static CompiledScript compile(String source, String file) {
        return compile(Lowering.lower(Parser.parse(source, file)), file);
    }

    /** Resolve and emit a tree that has been through {@link Lowering}. */
    public static CompiledScript compile(ScriptBlockAst lowered, String file) {
        BlockTable table = new BlockTable();
        table.indexOf(lowered);
        JsEmitter emitter = new JsEmitter(table);
        StringBuilder js = new StringBuilder("(function(rt, K) {\nvar B = [];\n");
        for (int i = 0; i < table.size(); i++) {
            js.append("B[").append(i).append("] = ").append(emitter.block(table.get(i))).append(";\n");
        }
        js.append("return B;\n})");
        return new CompiledScript(file, js.toString(), List.copyOf(table.blocks()), List.copyOf(emitter.constants()));
    }
}
