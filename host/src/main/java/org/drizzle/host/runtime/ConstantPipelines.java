package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.host.ast.ArrayLiteralAst;
import org.drizzle.host.ast.CommandAst;
import org.drizzle.host.ast.CommandParameterAst;
import org.drizzle.host.ast.ConstantAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.Node;
import org.drizzle.host.ast.PipelineAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.VariableAst;

/**
 * The one-shot fast path: a script that is only command pipelines with literal arguments
 * ({@code Get-BitsTransfer -AllUsers}, {@code Start-BitsTransfer -Source a -Destination b})
 * runs its stages directly, without starting Nashorn (which costs a few hundred milliseconds
 * on a cold JVM). Anything else returns null and is compiled as usual.
 */
final class ConstantPipelines {
    private ConstantPipelines() {
    }

    /** The pipelines' stage specs, or null when some part needs the compiler. */
    static List<List<Object>> stages(ScriptBlockAst script) {
        if (!script.parameters().isEmpty() || !script.begin().isEmpty() || !script.process().isEmpty()) {
            return null;
        }
        List<List<Object>> out = new ArrayList<>();
        for (Statement s : script.end()) {
            if (!(s instanceof PipelineAst p)) {
                return null;
            }
            List<Object> stages = new ArrayList<>();
            for (Node n : p.elements()) {
                if (!(n instanceof CommandAst c) || c.invoked() || !(c.name() instanceof ConstantAst name)) {
                    return null;
                }
                List<Argument> args = new ArrayList<>();
                for (Node a : c.arguments()) {
                    if (a instanceof CommandParameterAst cp) {
                        Object v = cp.argument() == null ? Argument.NO_VALUE : constant(cp.argument());
                        if (v == null) {
                            return null;
                        }
                        args.add(new Argument(cp.name(), v == NULL ? null : v, cp.colon(), false));
                    } else {
                        Object v = constant((Expression) a);
                        if (v == null) {
                            return null;
                        }
                        args.add(Argument.positional(v == NULL ? null : v));
                    }
                }
                stages.add(new Pipeline.CommandSpec(name.value(), false, c.at().line(), c.at().column(), args));
            }
            out.add(stages);
        }
        return out;
    }

    /** Stands for a literal $null (null itself means "not a constant"). */
    private static final Object NULL = new Object();

    private static Object constant(Expression e) {
        if (e instanceof ConstantAst c) {
            return c.value();
        }
        if (e instanceof VariableAst v && !v.splat()) {
            return switch (v.name().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> NULL;
                default -> null;
            };
        }
        if (e instanceof ArrayLiteralAst a) {
            List<Object> items = new ArrayList<>();
            for (Expression x : a.elements()) {
                Object v = constant(x);
                if (v == null) {
                    return null;
                }
                items.add(v == NULL ? null : v);
            }
            return items;
        }
        return null;
    }
}
