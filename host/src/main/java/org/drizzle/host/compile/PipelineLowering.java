package org.drizzle.host.compile;

import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.ParenAst;
import org.drizzle.host.ast.PipelineAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.UnaryAst;
import org.drizzle.host.lex.TokenKind;

/**
 * The lowering decisions the emitter asks about: which pipelines are just a value (no
 * commands, so no stages and no capture are needed) and which statements write nothing.
 */
final class PipelineLowering {
    private PipelineLowering() {
    }

    /** The expression when {@code s} is a pipeline of exactly one expression, else null. */
    static Expression singleExpression(Statement s) {
        if (s instanceof PipelineAst p && p.elements().size() == 1 && p.elements().get(0) instanceof Expression e) {
            return e;
        }
        return null;
    }

    /** {@code $i++} and {@code ++$i} as statements write nothing, as in PowerShell. */
    static boolean isSilentIncrement(Expression e) {
        Expression inner = e instanceof ParenAst p ? null : e;
        return inner instanceof UnaryAst u && (u.operator() == TokenKind.INCREMENT || u.operator() == TokenKind.DECREMENT);
    }
}
