package org.drizzle.host.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ast.AssignmentAst;
import org.drizzle.host.ast.BinaryAst;
import org.drizzle.host.ast.FunctionAst;
import org.drizzle.host.ast.ParenAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.ast.VariableAst;
import org.drizzle.host.lex.TokenKind;
import org.drizzle.host.parse.Parser;
import org.junit.jupiter.api.Test;

class LoweringTest {

    @Test
    void compoundAssignmentBecomesAssignmentOfTheOperation() {
        ScriptBlockAst lowered = Lowering.lower(Parser.parse("$n -= 2", "t.ps1"));
        AssignmentAst a = (AssignmentAst) lowered.end().get(0);
        assertThat(a.operator()).isEqualTo("=");
        BinaryAst minus = (BinaryAst) Lowering.singleExpression(a.value());
        assertThat(minus.operator()).isEqualTo(TokenKind.MINUS);
        assertThat(minus.left()).isEqualTo(new VariableAst("n", false, minus.left().at()));
    }

    @Test
    void aCommandValueStaysAPipelineAndNestedBlocksAreLoweredToo() {
        ScriptBlockAst lowered = Lowering.lower(Parser.parse("function F { $t += Get-Random -Maximum 3 }", "t.ps1"));
        AssignmentAst a = (AssignmentAst) ((FunctionAst) lowered.end().get(0)).body().end().get(0);
        assertThat(((BinaryAst) Lowering.singleExpression(a.value())).right()).isInstanceOf(ParenAst.class);
    }

    @Test
    void theParsedTreeIsLeftAsItWas() {
        ScriptBlockAst parsed = Parser.parse("$n *= 3", "t.ps1");
        Lowering.lower(parsed);
        assertThat(((AssignmentAst) parsed.end().get(0)).operator()).isEqualTo("*=");
    }
}
