package org.drizzle.host.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drizzle.host.ast.ArrayLiteralAst;
import org.drizzle.host.ast.AssignmentAst;
import org.drizzle.host.ast.BinaryAst;
import org.drizzle.host.ast.ChainAst;
import org.drizzle.host.ast.CommandAst;
import org.drizzle.host.ast.CommandParameterAst;
import org.drizzle.host.ast.ConstantAst;
import org.drizzle.host.ast.ConvertAst;
import org.drizzle.host.ast.ExpandableStringAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.FlowAst;
import org.drizzle.host.ast.ForAst;
import org.drizzle.host.ast.ForEachAst;
import org.drizzle.host.ast.FunctionAst;
import org.drizzle.host.ast.HashtableAst;
import org.drizzle.host.ast.IfAst;
import org.drizzle.host.ast.IndexAst;
import org.drizzle.host.ast.InvokeMemberAst;
import org.drizzle.host.ast.MemberAst;
import org.drizzle.host.ast.Node;
import org.drizzle.host.ast.ParameterAst;
import org.drizzle.host.ast.ParenAst;
import org.drizzle.host.ast.PipelineAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.ast.ScriptBlockExpressionAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.StatementExpressionAst;
import org.drizzle.host.ast.SubExpressionAst;
import org.drizzle.host.ast.SwitchAst;
import org.drizzle.host.ast.TrapAst;
import org.drizzle.host.ast.TryAst;
import org.drizzle.host.ast.TypeAst;
import org.drizzle.host.ast.UnaryAst;
import org.drizzle.host.ast.VariableAst;
import org.drizzle.host.ast.WhileAst;
import org.drizzle.host.lex.ParseException;
import org.drizzle.host.lex.SourcePosition;

/**
 * The emit phase: writes each script block of a lowered tree as JS functions ({@code p} binds
 * parameter defaults, {@code b}/{@code r}/{@code e} are begin/process/end). Every value
 * operation is a call on the runtime bridge {@code rt} ({@code ScriptRuntime}); loops, if and
 * try map to their JS forms so that break/continue/return cost nothing. The output is pinned
 * by the golden files in {@code src/test/resources/compile-golden}.
 *
 * <p>Every method returns JS source text. Statements end in {@code ;\n}; expressions are
 * single JS expressions, so any construct can nest in any other.
 */
final class JsEmitter {
    private final BlockTable blocks;
    /** Values JS cannot spell with their .NET type (a long, 1.0 as a double, a big integer), read as {@code K[i]}. */
    private final List<Object> constants = new ArrayList<>();
    /**
     * JS loops (and switches) around the code being written in the current JS function: only
     * then can break/continue be JS's own; otherwise they unwind through the runtime.
     */
    private int loopDepth;
    /**
     * Counter for the JS temporaries ({@code s1}, {@code f2}, {@code it3}...). Unique in the unit
     * because JS {@code var} is function-wide and captures nest inside each other.
     */
    private int temp;
    /** The JS variable holding the exception of the innermost catch, for a bare {@code throw}. */
    private String catchVar;

    JsEmitter(BlockTable blocks) {
        this.blocks = blocks;
    }

    List<Object> constants() {
        return constants;
    }

    /** The JS object literal for one script block. */
    String block(ScriptBlockAst b) {
        // p (parameter defaults) is always written; b and r only when the block has them, so a
        // plain block costs the runtime one call
        StringBuilder s = new StringBuilder("{");
        s.append("p: ").append(function(paramDefaults(b.parameters())));
        if (!b.begin().isEmpty()) {
            s.append(", b: ").append(function(statements(b.begin())));
        }
        if (!b.process().isEmpty()) {
            s.append(", r: ").append(function(statements(b.process())));
        }
        s.append(", e: ").append(function(blocks.indexOf(b) == 0 ? topLevel(b.end()) : statements(b.end())));
        return s.append("}").toString();
    }

    /** The script's own statements: after each, output waiting for the console is written (tables group per statement). */
    private String topLevel(List<Statement> list) {
        return statementList(list, "rt.flush();\n");
    }

    private String function(String body) {
        return "function() {\n" + body + "}";
    }

    /** Defaults run in the new scope after binding, so a default may use an earlier parameter. */
    private String paramDefaults(List<ParameterAst> params) {
        StringBuilder s = new StringBuilder();
        for (ParameterAst p : params) {
            if (p.defaultValue() != null) {
                String value = withFreshLoops(() -> expression(p.defaultValue()));
                s.append("if (!rt.bound(").append(str(p.name())).append(")) rt.sv(").append(str(p.name())).append(", ")
                        .append(p.typeName() == null ? value : "rt.cast(" + str(p.typeName()) + ", " + value + ")")
                        .append(");\n");
            }
        }
        return s.toString();
    }

    /**
     * Emits code that lands in a new JS function (a capture, a default value): no enclosing
     * JS loop is visible there, so break/continue go through the runtime. The catch variable
     * stays usable, since the function is a closure inside the catch block.
     */
    private String withFreshLoops(java.util.function.Supplier<String> emit) {
        int saved = loopDepth;
        String savedCatch = catchVar;
        loopDepth = 0;
        try {
            return emit.get();
        } finally {
            loopDepth = saved;
            catchVar = savedCatch;
        }
    }

    private String statements(List<Statement> list) {
        return statementList(list, "");
    }

    /**
     * A statement list; {@code after} follows each statement. A list holding {@code trap}
     * statements runs each other statement under them, wherever the trap stands in the list (as
     * PowerShell hoists traps): a terminating error goes to {@code rt.trap}, which runs the
     * matching trap and returns to go on with the next statement, or rethrows.
     */
    private String statementList(List<Statement> list, String after) {
        String traps = traps(list);
        StringBuilder s = new StringBuilder();
        for (Statement st : list) {
            if (st instanceof TrapAst) {
                continue;
            }
            String code = statement(st);
            if (traps != null) {
                String e = "t" + (temp++);
                code = "try {\nrt.enterTry();\ntry {\n" + code + "} finally {\nrt.leaveTry();\n}\n} catch (" + e
                        + ") {\nrt.trap(" + e + ", " + traps + ");\n}\n";
            }
            s.append(code).append(after);
        }
        return s.toString();
    }

    /** The traps of a list as one JS string, {@code "block;Type,Type|block;"}, or null when it has none. */
    private String traps(List<Statement> list) {
        List<String> specs = new ArrayList<>();
        for (Statement st : list) {
            if (st instanceof TrapAst t) {
                specs.add(blocks.indexOf(t.body()) + ";" + String.join(",", t.types()));
            }
        }
        return specs.isEmpty() ? null : str(String.join("|", specs));
    }

    /** Every statement first records its position, which the errors it raises report. */
    private String at(Node n) {
        SourcePosition p = n.at();
        return "rt.at(" + p.line() + ", " + p.column() + ");\n";
    }

    private String statement(Statement st) {
        String code;
        if (st instanceof PipelineAst p) {
            code = guarded(pipelineStatement(p));
        } else if (st instanceof AssignmentAst a) {
            code = guarded(assignment(a) + ";\n");
        } else if (st instanceof IfAst i) {
            // an error in a condition or collection ends the whole statement, and the script goes on
            code = guarded(ifStatement(i));
        } else if (st instanceof WhileAst w) {
            code = guarded(whileStatement(w));
        } else if (st instanceof ForAst f) {
            code = guarded(forStatement(f));
        } else if (st instanceof ForEachAst f) {
            code = guarded(foreachStatement(f));
        } else if (st instanceof SwitchAst sw) {
            code = guarded(switchStatement(sw));
        } else if (st instanceof TryAst t) {
            code = tryStatement(t);
        } else if (st instanceof ChainAst c) {
            // && runs the right side when the left succeeded ($?), || when it failed
            return statement(c.left()) + "if (" + (c.and() ? "" : "!") + "rt.t(rt.v(\"?\"))) {\n" + statement(c.right()) + "}\n";
        } else if (st instanceof FlowAst f) {
            code = flow(f);
        } else if (st instanceof FunctionAst f) {
            // defined when the statement runs, as in PowerShell: a call above it does not find it
            code = "rt.defineFunction(" + str(f.name()) + ", " + blocks.indexOf(f.body()) + ");\n";
        } else if (st instanceof ScriptBlockAst b) {
            code = "rt.out(rt.sb(" + blocks.indexOf(b) + "));\n";
        } else {
            throw new IllegalStateException("No emitter for " + st.getClass().getSimpleName());
        }
        return at(st) + code;
    }

    /**
     * A failing simple statement reports its error and the script goes on; the runtime decides
     * when it must unwind instead (inside a try, with Stop, for throw, exit and flow). mark/done
     * set $? from the error count, since a cmdlet's non-terminating errors fail a statement
     * without throwing.
     */
    private String guarded(String code) {
        String e = "f" + (temp++);
        String m = "s" + (temp++);
        return "var " + m + " = rt.mark();\ntry {\n" + code + "rt.done(" + m + ");\n} catch (" + e + ") { rt.failed(" + e + "); }\n";
    }

    /** A pipeline statement; a lone expression needs no Pipeline object, just its value written out. */
    private String pipelineStatement(PipelineAst p) {
        Expression single = Lowering.singleExpression(p);
        if (single != null) {
            if (Lowering.isSilentIncrement(single)) {
                return expression(single) + ";\n";
            }
            return "rt.out(" + expression(single) + ");\n";
        }
        return "rt.run(" + stages(p) + ");\n";
    }

    private String stages(PipelineAst p) {
        List<String> out = new ArrayList<>();
        for (Node n : p.elements()) {
            if (n instanceof CommandAst c) {
                out.add(command(c));
            } else {
                out.add("rt.input(" + expression((Expression) n) + ")");
            }
        }
        return String.join(", ", out);
    }

    /**
     * One command stage: name, whether it was called with &amp;, its position (errors point at
     * the command, not the statement), then the arguments in source order, since positional
     * binding depends on it. A bare switch gets {@code rt.NO_VALUE}, not $true, so the binder
     * can tell {@code -Force} from {@code -Force:$true}.
     */
    private String command(CommandAst c) {
        StringBuilder s = new StringBuilder("rt.cmd(").append(expression(c.name())).append(", ")
                .append(c.invoked()).append(", ").append(c.at().line()).append(", ").append(c.at().column());
        for (Node a : c.arguments()) {
            s.append(", ");
            if (a instanceof CommandParameterAst p) {
                s.append("rt.param(").append(str(p.name())).append(", ")
                        .append(p.argument() == null ? "rt.NO_VALUE" : expression(p.argument())).append(", ")
                        .append(p.colon()).append(")");
            } else if (a instanceof VariableAst v && v.splat()) {
                s.append("rt.splat(rt.v(").append(str(v.name())).append("))");
            } else {
                s.append("rt.arg(").append(expression((Expression) a)).append(")");
            }
        }
        return s.append(")").toString();
    }

    /**
     * A statement's value: the expression itself when it is one, else its captured output. An
     * assignment used as a value ({@code $y = $a = 5}) is worth its target afterwards, read back.
     */
    private String value(Statement s) {
        Expression e = Lowering.singleExpression(s);
        if (e != null) {
            return expression(e);
        }
        if (s instanceof AssignmentAst a) {
            return "rt.capture(" + function(withFreshLoops(() -> assignment(a) + ";\nrt.out("
                    + expression(a.target()) + ");\n")) + ", false)";
        }
        return "rt.capture(" + function(withFreshLoops(() -> statement(s))) + ", false)";
    }

    /** {@code target = value}; compound operators are gone by now ({@link Lowering}). */
    private String assignment(AssignmentAst a) {
        if (!a.operator().equals("=")) {
            throw new IllegalStateException("Not lowered: " + a.operator());
        }
        String value = value(a.value());
        Expression target = a.target();
        if (target instanceof ArrayLiteralAst list) {
            return multipleAssignment(list.elements(), value);
        }
        return assignTo(target, value);
    }

    /**
     * {@code $a, $b, $rest = value}: the value's elements in order (a scalar is one element), missing ones
     * $null, and the last variable takes what remains: nothing is $null, one element is that element, more
     * stay an array. Collected with rt.capture so the value is enumerated exactly as output would be.
     */
    private String multipleAssignment(List<Expression> targets, String value) {
        String v = "v" + (temp++);
        String items = "l" + (temp++);
        StringBuilder s = new StringBuilder("(function() {\nvar ").append(v).append(" = ").append(value).append(";\nvar ")
                .append(items).append(" = rt.capture(function() { rt.out(").append(v).append("); }, true);\n");
        int last = targets.size() - 1;
        for (int k = 0; k < last; k++) {
            s.append(assignTo(targets.get(k), items + ".size() > " + k + " ? " + items + ".get(" + k + ") : null")).append(";\n");
        }
        String rest = items + ".subList(Math.min(" + last + ", " + items + ".size()), " + items + ".size())";
        s.append(assignTo(targets.get(last), "rt.capture(function() { rt.out(" + rest + "); }, false)")).append(";\n");
        return s.append("})()").toString();
    }

    /**
     * Stores {@code value} (JS) into one assignable target. {@code [int]$x = v} converts the value
     * once (Drizzle's variables do not keep a type constraint); {@code [T]::P = v} sets a static.
     */
    private String assignTo(Expression target, String value) {
        if (target instanceof ConvertAst c && c.operand() instanceof VariableAst v) {
            return "rt.sv(" + str(v.name()) + ", rt.cast(" + str(c.typeName()) + ", " + value + "))";
        }
        if (target instanceof VariableAst v) {
            return "rt.sv(" + str(v.name()) + ", " + value + ")";
        }
        if (target instanceof MemberAst m && m.isStatic() && m.target() instanceof TypeAst t) {
            return "rt.sset(" + str(t.typeName()) + ", " + expression(m.member()) + ", " + value + ")";
        }
        if (target instanceof MemberAst m) {
            return "rt.set(" + expression(m.target()) + ", " + expression(m.member()) + ", " + value + ")";
        }
        IndexAst i = (IndexAst) target;
        return "rt.setIdx(" + expression(i.target()) + ", " + expression(i.index()) + ", " + value + ")";
    }

    private String ifStatement(IfAst i) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < i.conditions().size(); k++) {
            s.append(k == 0 ? "if" : " else if").append(" (rt.t(").append(value(i.conditions().get(k))).append(")) {\n")
                    .append(statements(i.bodies().get(k))).append("}");
        }
        if (i.elseBody() != null) {
            s.append(" else {\n").append(statements(i.elseBody())).append("}");
        }
        return s.append("\n").toString();
    }

    /** A JS label for a PowerShell one ({@code :outer}); PowerShell allows characters JS does not. */
    private String label(String l) {
        return l == null ? "" : jsLabel(l) + ": ";
    }

    private static String jsLabel(String l) {
        return "L_" + l.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private String loopBody(List<Statement> body) {
        loopDepth++;
        try {
            return statements(body);
        } finally {
            loopDepth--;
        }
    }

    private String whileStatement(WhileAst w) {
        String cond = (w.until() ? "!" : "") + "rt.t(" + value(w.condition()) + ")";
        if (w.doLoop()) {
            return label(w.label()) + "do {\n" + loopBody(w.body()) + "} while (" + cond + ");\n";
        }
        return label(w.label()) + "while (" + cond + ") {\n" + loopBody(w.body()) + "}\n";
    }

    /**
     * {@code for}: the initializer runs once as a statement of its own before the loop; the
     * iterator is a statement too (it may write, fail or be an assignment), so it runs as a
     * function whose output is dropped, which JS allows in the for's update slot.
     */
    private String forStatement(ForAst f) {
        String init = f.init() == null ? "" : statement(f.init());
        String cond = f.condition() == null ? "true" : "rt.t(" + value(f.condition()) + ")";
        String iter = f.iterator() == null ? "" : "rt.call0(" + function(withFreshLoops(() -> statement(f.iterator()))) + ")";
        return init + label(f.label()) + "for (; " + cond + "; " + iter + ") {\n" + loopBody(f.body()) + "}\n";
    }

    /** {@code foreach}: the collection is evaluated and enumerated once, up front, as in PowerShell. */
    private String foreachStatement(ForEachAst f) {
        String it = "it" + (temp++);
        return label(f.label()) + "for (var " + it + " = rt.iter(" + value(f.collection()) + "); " + it + ".hasNext();) {\n"
                + "rt.sv(" + str(f.variable()) + ", " + it + ".next());\n" + loopBody(f.body()) + "}\n";
    }

    /**
     * {@code switch}: a JS loop over the items (so break leaves the switch and continue takes the
     * next item, as in PowerShell) with $_ set to each; every matching clause runs, and default
     * only when none did. The caller's $_ is restored after.
     */
    private String switchStatement(SwitchAst sw) {
        String it = "it" + (temp++);
        String matched = "m" + (temp++);
        String saved = "u" + (temp++);
        StringBuilder s = new StringBuilder("var ").append(saved).append(" = rt.peek('_');\n")
                .append(label(sw.label())).append("for (var ").append(it).append(" = rt.switchItems(")
                .append(value(sw.value())).append("); ").append(it).append(".hasNext();) {\n")
                .append("var ").append(matched).append(" = false;\nrt.sv('_', ").append(it).append(".next());\n");
        String flags = str((sw.wildcard() ? "w" : "") + (sw.regex() ? "r" : "") + (sw.caseSensitive() ? "c" : ""));
        loopDepth++;
        try {
            for (int k = 0; k < sw.patterns().size(); k++) {
                s.append("if (rt.switchMatch(rt.v('_'), ").append(expression(sw.patterns().get(k))).append(", ")
                        .append(flags).append(")) {\n").append(matched).append(" = true;\n")
                        .append(statements(sw.bodies().get(k))).append("}\n");
            }
            if (sw.defaultBody() != null) {
                s.append("if (!").append(matched).append(") {\n").append(statements(sw.defaultBody())).append("}\n");
            }
        } finally {
            loopDepth--;
        }
        return s.append("}\nrt.sv('_', ").append(saved).append(");\n").toString();
    }

    /**
     * {@code try}: the inner try/finally keeps the runtime's try depth exact (inside a try, a
     * failing statement throws to the catch instead of being reported) before any catch runs.
     * Catch clauses are tested in order on the ErrorRecord; none matching rethrows.
     */
    private String tryStatement(TryAst t) {
        StringBuilder s = new StringBuilder("try {\nrt.enterTry();\ntry {\n").append(statements(t.body()))
                .append("} finally {\nrt.leaveTry();\n}\n}");
        if (!t.catchBodies().isEmpty()) {
            String e = "e" + (temp++);
            String r = "r" + (temp++);
            String u = "u" + (temp++);
            // $_ is the error only inside the catch: afterwards the caller's $_ is back (a catch inside a catch)
            s.append(" catch (").append(e).append(") {\nvar ").append(r).append(" = rt.caught(").append(e).append(");\n")
                    .append("var ").append(u).append(" = rt.peek('_');\n");
            String savedCatch = catchVar;
            catchVar = e;
            try {
                for (int k = 0; k < t.catchBodies().size(); k++) {
                    List<String> types = t.catchTypes().get(k);
                    s.append(k == 0 ? "if" : " else if").append(" (rt.catches(").append(r);
                    for (String type : types) {
                        s.append(", ").append(str(type));
                    }
                    s.append(")) {\nrt.sv('_', ").append(r).append(");\nrt.sv('PSItem', ").append(r).append(");\n")
                            .append("try {\n").append(statements(t.catchBodies().get(k)))
                            .append("} finally {\nrt.sv('_', ").append(u).append(");\nrt.sv('PSItem', ").append(u)
                            .append(");\n}\n}");
                }
            } finally {
                catchVar = savedCatch;
            }
            s.append(" else {\nrt.rethrow(").append(e).append(");\n}\n}");
        }
        if (t.finallyBody() != null) {
            s.append(" finally {\n").append(statements(t.finallyBody())).append("}");
        }
        return s.append("\n").toString();
    }

    /**
     * break/continue inside a JS loop of this function are JS's own; elsewhere (a ForEach-Object
     * block, a function body) they throw a FlowException, which unwinds the pipelines and
     * functions around it and ends the run. return writes its value first, as PowerShell's does.
     */
    private String flow(FlowAst f) {
        switch (f.keyword()) {
            case "break", "continue" -> {
                if (loopDepth > 0) {
                    return f.keyword() + (f.label() == null ? "" : " " + jsLabel(f.label())) + ";\n";
                }
                return "rt.flow(" + str(f.keyword()) + ", " + (f.label() == null ? "null" : str(f.label())) + ");\n";
            }
            case "return" -> {
                return (f.value() == null ? "" : "rt.out(" + value(f.value()) + ");\n") + "return;\n";
            }
            case "exit" -> {
                return "rt.exit(" + (f.value() == null ? "0" : value(f.value())) + ");\n";
            }
            default -> {
                if (f.value() == null && catchVar != null) {
                    return "rt.rethrow(" + catchVar + ");\n";
                }
                return "rt.throwValue(" + (f.value() == null ? "null" : value(f.value())) + ");\n";
            }
        }
    }

    String expression(Expression e) {
        if (e instanceof ConstantAst c) {
            return constant(c.value());
        }
        if (e instanceof VariableAst v) {
            return variable(v.name());
        }
        if (e instanceof ExpandableStringAst s) {
            StringBuilder b = new StringBuilder("rt.concat(");
            for (int i = 0; i < s.parts().size(); i++) {
                Object part = s.parts().get(i);
                b.append(i == 0 ? "" : ", ").append(part instanceof String str ? str(str) : expression((Expression) part));
            }
            return b.append(")").toString();
        }
        if (e instanceof BinaryAst b) {
            return binary(b);
        }
        if (e instanceof UnaryAst u) {
            return unary(u);
        }
        if (e instanceof ConvertAst c && c.operand() instanceof VariableAst v && isRef(c.typeName())) {
            return "rt.ref(" + str(v.name()) + ")";
        }
        if (e instanceof ConvertAst c) {
            return "rt.cast(" + str(c.typeName()) + ", " + expression(c.operand()) + ")";
        }
        if (e instanceof TypeAst t) {
            return "rt.type(" + str(t.typeName()) + ")";
        }
        if (e instanceof MemberAst m) {
            return m.isStatic() && m.target() instanceof TypeAst t
                    ? "rt.sget(" + str(t.typeName()) + ", " + expression(m.member()) + ")"
                    : "rt.get(" + expression(m.target()) + ", " + expression(m.member()) + ")";
        }
        if (e instanceof InvokeMemberAst m) {
            // one argument goes to call1/scall1: JS would spread a lone Java array over varargs
            boolean one = m.arguments().size() == 1;
            StringBuilder b = new StringBuilder(m.isStatic() && m.target() instanceof TypeAst t
                    ? (one ? "rt.scall1(" : "rt.scall(") + str(t.typeName())
                    : (one ? "rt.call1(" : "rt.call(") + expression(m.target()));
            b.append(", ").append(expression(m.member()));
            for (Expression a : m.arguments()) {
                b.append(", ").append(expression(a));
            }
            return b.append(")").toString();
        }
        if (e instanceof IndexAst i) {
            return "rt.idx(" + expression(i.target()) + ", " + expression(i.index()) + ")";
        }
        if (e instanceof ArrayLiteralAst a) {
            StringBuilder b = new StringBuilder("rt.arr(");
            for (int i = 0; i < a.elements().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(expression(a.elements().get(i)));
            }
            return b.append(")").toString();
        }
        if (e instanceof SubExpressionAst s) {
            return "rt.capture(" + function(withFreshLoops(() -> statements(s.statements()))) + ", " + s.array() + ")";
        }
        if (e instanceof ParenAst p) {
            return value(p.statement());
        }
        if (e instanceof HashtableAst h) {
            StringBuilder b = new StringBuilder("rt.hash(");
            for (int i = 0; i < h.keys().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(expression(h.keys().get(i))).append(", ").append(value(h.values().get(i)));
            }
            return b.append(")").toString();
        }
        if (e instanceof ScriptBlockExpressionAst s) {
            return "rt.sb(" + blocks.indexOf(s.block()) + ")";
        }
        if (e instanceof StatementExpressionAst s) {
            return "rt.capture(" + function(withFreshLoops(() -> statement(s.statement()))) + ", false)";
        }
        throw new IllegalStateException("No emitter for " + e.getClass().getSimpleName());
    }

    private static boolean isRef(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return t.equals("ref") || t.equals("system.management.automation.psreference")
                || t.equals("management.automation.psreference");
    }

    /** $true, $false and $null are JS literals; every other variable is read through the runtime. */
    private String variable(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "true" -> "true";
            case "false" -> "false";
            case "null" -> "null";
            default -> "rt.v(" + str(name) + ")";
        };
    }

    /**
     * -and/-or short-circuit in JS on PowerShell truth; -is/-as take a type literal by name; the
     * comparisons go to {@code rt.cmp} by name, e.g. {@code "cne"} for -cne.
     */
    private String binary(BinaryAst b) {
        String l = expression(b.left());
        String r = b.right() instanceof TypeAst t && (b.operator().name().startsWith("IS") || b.operator().name().equals("AS"))
                ? str(t.typeName()) : expression(b.right());
        return switch (b.operator()) {
            case AND -> "(rt.t(" + l + ") && rt.t(" + r + "))";
            case OR -> "(rt.t(" + l + ") || rt.t(" + r + "))";
            case XOR -> "(rt.t(" + l + ") != rt.t(" + r + "))";
            case PLUS -> "rt.add(" + l + ", " + r + ")";
            case MINUS -> "rt.sub(" + l + ", " + r + ")";
            case STAR -> "rt.mul(" + l + ", " + r + ")";
            case SLASH -> "rt.div(" + l + ", " + r + ")";
            case PERCENT -> "rt.mod(" + l + ", " + r + ")";
            case FORMAT -> "rt.format(" + l + ", " + r + ")";
            case DOTDOT -> "rt.range(" + l + ", " + r + ")";
            case REPLACE -> "rt.replace(" + str(b.casePrefix()) + ", " + l + ", " + r + ")";
            case SPLIT -> "rt.split(" + str(b.casePrefix()) + ", " + l + ", " + r + ")";
            case JOIN -> "rt.join(" + l + ", " + r + ")";
            case IS -> "rt.is(" + l + ", " + r + ")";
            case ISNOT -> "!rt.is(" + l + ", " + r + ")";
            case AS -> "rt.as(" + l + ", " + r + ")";
            case BAND, BOR, BXOR, SHL, SHR -> "rt.bit(" + str(b.operator().text().substring(1)) + ", " + l + ", " + r + ")";
            default -> "rt.cmp(" + str(b.casePrefix() + b.operator().text().substring(1)) + ", " + l + ", " + r + ")";
        };
    }

    private String unary(UnaryAst u) {
        switch (u.operator()) {
            case NOT, EXCLAIM:
                return "!rt.t(" + expression(u.operand()) + ")";
            case MINUS:
                return "rt.neg(" + expression(u.operand()) + ")";
            case PLUS:
                return "rt.num(" + expression(u.operand()) + ")";
            case BNOT:
                return "rt.bnot(" + expression(u.operand()) + ")";
            case SPLIT:
                return "rt.split('', " + expression(u.operand()) + ", null)";
            case JOIN:
                return "rt.join(" + expression(u.operand()) + ", '')";
            default:
                int delta = u.operator().name().equals("INCREMENT") ? 1 : -1;
                if (u.operand() instanceof MemberAst m && !m.isStatic()) {
                    return "rt.incrm(" + expression(m.target()) + ", " + expression(m.member()) + ", " + delta + ", "
                            + u.postfix() + ")";
                }
                if (u.operand() instanceof IndexAst i) {
                    return "rt.incri(" + expression(i.target()) + ", " + expression(i.index()) + ", " + delta + ", "
                            + u.postfix() + ")";
                }
                if (!(u.operand() instanceof VariableAst v)) {
                    throw new ParseException(u.at(), "The '" + u.operator().text()
                            + "' operator works only on variables.", null, false);
                }
                // the runtime reads and writes the variable: ++ on $null starts from 0
                return "rt.incr(" + str(v.name()) + ", " + delta + ", " + u.postfix() + ")";
        }
    }

    /**
     * Strings, booleans and ints are JS literals (a negative one in parentheses, so {@code - -1}
     * never becomes {@code --1}); other numbers go to {@code K} to keep their type: JS would turn
     * the double 1.0 into the int 1 and round a long above 2^53.
     */
    private String constant(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return str(s);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Integer i) {
            return i < 0 ? "(" + i + ")" : i.toString();
        }
        constants.add(v instanceof BigInteger || v instanceof Long || v instanceof Double ? v : v.toString());
        return "K[" + (constants.size() - 1) + "]";
    }

    /** A JS string literal; non-ASCII is escaped so the generated source is plain ASCII. */
    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append("\"").toString();
    }
}
