package org.drizzle.host.compile;

import java.util.List;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.parse.Parser;

/**
 * Compiles PowerShell source to JavaScript for Nashorn. The phases, in order:
 * <ol>
 *   <li><b>parse</b> ({@link Parser}): source to an immutable AST with positions;</li>
 *   <li><b>resolve</b> ({@link BlockTable}): number every script block so code refers to it by index;</li>
 *   <li><b>lower pipelines</b> ({@link PipelineLowering}): a pipeline of one expression becomes an
 *       output of that value, a command pipeline becomes runtime stages, statements used as values
 *       become captures;</li>
 *   <li><b>emit JS</b> ({@link JsEmitter}): one JS function per begin/process/end block; every operator
 *       and variable access is a call on the runtime bridge {@code rt}, never raw JS semantics.</li>
 * </ol>
 */
public final class JsCompiler {
    private JsCompiler() {
    }

    public static CompiledScript compile(String source, String file) {
        return compile(Parser.parse(source, file), file);
    }

    public static CompiledScript compile(ScriptBlockAst script, String file) {
        BlockTable table = new BlockTable();
        table.indexOf(script);
        JsEmitter emitter = new JsEmitter(table);
        StringBuilder js = new StringBuilder("(function(rt, K) {\nvar B = [];\n");
        for (int i = 0; i < table.size(); i++) {
            js.append("B[").append(i).append("] = ").append(emitter.block(table.get(i))).append(";\n");
        }
        js.append("return B;\n})");
        return new CompiledScript(file, js.toString(), List.copyOf(table.blocks()), List.copyOf(emitter.constants()));
    }
}
