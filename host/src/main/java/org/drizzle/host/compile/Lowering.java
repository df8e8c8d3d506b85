package org.drizzle.host.compile;

import java.util.List;
import org.drizzle.host.ast.AssignmentAst;
import org.drizzle.host.ast.BinaryAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.Node;
import org.drizzle.host.ast.ParenAst;
import org.drizzle.host.ast.PipelineAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.UnaryAst;
import org.drizzle.host.lex.TokenKind;

/**
 * The lower phase: rewrites a parsed tree into the smaller language {@link JsEmitter} knows,
 * so the emitter maps each construct once. Today that is compound assignment:
 * {@code $x += v} becomes {@code $x = $x + (v)} (and {@code -= *= /= %=} alike), since
 * PowerShell defines them so; the target is read and written as two expressions, as in
 * PowerShell. Also here: the two questions the emitter asks of a pipeline.
 */
public final class Lowering extends AstRewriter {
    private Lowering() {
    }

    /** The tree with every script block, function body and nested block lowered. */
    public static ScriptBlockAst lower(ScriptBlockAst script) {
        return new Lowering().block(script);
    }

    @Override
    Statement assignment(AssignmentAst a) {
        Expression target = expression(a.target());
        Statement value = statement(a.value());
        if (a.operator().equals("=")) {
            return new AssignmentAst(target, "=", value, a.at());
        }
        TokenKind op = switch (a.operator()) {
            case "+=" -> TokenKind.PLUS;
            case "-=" -> TokenKind.MINUS;
            case "*=" -> TokenKind.STAR;
            case "/=" -> TokenKind.SLASH;
            case "%=" -> TokenKind.PERCENT;
            default -> throw new IllegalStateException("Unknown assignment operator " + a.operator());
        };
        Expression single = singleExpression(value);
        // a statement value (if, switch, another assignment) stays one, as a parenthesised value
        Expression right = single != null ? single : new ParenAst(value, value.at());
        Expression sum = new BinaryAst(op, "", target, right, a.at());
        return new AssignmentAst(target, "=", new PipelineAst(List.<Node>of(sum), a.at()), a.at());
    }

    /** The expression when {@code s} is a pipeline of exactly one expression (a value, no stages), else null. */
    static Expression singleExpression(Statement s) {
        if (s instanceof PipelineAst p && p.elements().size() == 1 && p.elements().get(0) instanceof Expression e) {
            return e;
        }
        return null;
    }

    /** {@code $i++} and {@code ++$i} as statements write nothing, as in PowerShell. */
    static boolean isSilentIncrement(Expression e) {
        return e instanceof UnaryAst u && (u.operator() == TokenKind.INCREMENT || u.operator() == TokenKind.DECREMENT);
    }
}
