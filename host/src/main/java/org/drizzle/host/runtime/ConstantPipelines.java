package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.host.ast.ArrayLiteralAst;
import org.drizzle.host.ast.CommandAst;
import org.drizzle.host.ast.CommandParameterAst;
import org.drizzle.host.ast.ConstantAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.Node;
import org.drizzle.host.ast.ParenAst;
import org.drizzle.host.ast.PipelineAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.VariableAst;

/**
 * The one-shot fast path: a script that is only command pipelines with literal arguments
 * ({@code Get-BitsTransfer -AllUsers}, {@code Start-BitsTransfer -Source a -Destination b}),
 * or with parenthesized pipelines of such commands as arguments
 * ({@code Start-BitsTransfer -Source (Get-Content urls.txt) -Destination (Get-Content files.txt)}),
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
            List<Object> stages = s instanceof PipelineAst p ? stages(p) : null;
            if (stages == null) {
                return null;
            }
            out.add(stages);
        }
        return out;
    }

    /** One pipeline's stage specs, or null when some part needs the compiler. */
    private static List<Object> stages(PipelineAst p) {
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
        return stages;
    }

    /** True when every command of {@code pipelines} (nested ones too) is a registered cmdlet, not a program. */
    static boolean onlyCmdlets(List<List<Object>> pipelines, CommandRegistry registry) {
        for (List<Object> stages : pipelines) {
            for (Object o : stages) {
                if (o instanceof Pipeline.CommandSpec c) {
                    if (registry.find(String.valueOf(c.name())).isEmpty()) {
                        return false;
                    }
                    for (Argument a : c.arguments()) {
                        if (a.value() instanceof Nested n && !onlyCmdlets(List.of(n.stages()), registry)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * An argument that is a parenthesized pipeline of literal commands,
     * {@code -Source (Get-Content urls.txt)}: run when its statement runs.
     */
    record Nested(List<Object> stages) {
    }

    /**
     * The stages with every {@link Nested} argument replaced by its output as {@code (...)}
     * gives it: $null for none, the object for one, a list for more.
     */
    static List<Object> resolve(List<Object> stages, Function<List<Object>, List<Object>> run) {
        List<Object> out = new ArrayList<>(stages.size());
        for (Object o : stages) {
            if (!(o instanceof Pipeline.CommandSpec c)) {
                out.add(o);
                continue;
            }
            List<Argument> args = new ArrayList<>(c.arguments().size());
            for (Argument a : c.arguments()) {
                if (a.value() instanceof Nested n) {
                    List<Object> got = run.apply(n.stages());
                    Object v = got.isEmpty() ? null : got.size() == 1 ? got.get(0) : got;
                    args.add(new Argument(a.name(), v, a.explicit(), a.splatted()));
                } else {
                    args.add(a);
                }
            }
            out.add(new Pipeline.CommandSpec(c.name(), c.invoked(), c.line(), c.column(), args));
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
        if (e instanceof ParenAst p && p.statement() instanceof PipelineAst inner) {
            List<Object> stages = stages(inner);
            return stages == null ? null : new Nested(stages);
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
