package org.drizzle.host.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.drizzle.host.ast.ArrayLiteralAst;
import org.drizzle.host.ast.AssignmentAst;
import org.drizzle.host.ast.BinaryAst;
import org.drizzle.host.ast.CommandAst;
import org.drizzle.host.ast.CommandParameterAst;
import org.drizzle.host.ast.ConstantAst;
import org.drizzle.host.ast.ConvertAst;
import org.drizzle.host.ast.ExpandableStringAst;
import org.drizzle.host.ast.ForEachAst;
import org.drizzle.host.ast.FunctionAst;
import org.drizzle.host.ast.IfAst;
import org.drizzle.host.ast.InvokeMemberAst;
import org.drizzle.host.ast.PipelineAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.ast.ScriptBlockExpressionAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.SwitchAst;
import org.drizzle.host.ast.TryAst;
import org.drizzle.host.ast.VariableAst;
import org.drizzle.host.lex.ParseException;
import org.drizzle.host.lex.TokenKind;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static Statement first(String src) {
        return Parser.parse(src, "t.ps1").end().get(0);
    }

    @Test
    void pipelineOfCommandsWithNamedColonSwitchAndPositionalArguments() {
        PipelineAst p = (PipelineAst) first("Get-BitsTransfer -AllUsers | Where-Object { $_.JobState -eq 'Error' } | "
                + "Start-BitsTransfer -Source:a, b ./dest -Asynchronous");
        assertThat(p.elements()).hasSize(3);
        CommandAst start = (CommandAst) p.elements().get(2);
        CommandParameterAst src = (CommandParameterAst) start.arguments().get(0);
        assertThat(src.name()).isEqualTo("Source");
        assertThat(src.colon()).isTrue();
        assertThat(src.argument()).isInstanceOf(ArrayLiteralAst.class);
        assertThat(start.arguments().get(1)).isEqualTo(new ConstantAst("./dest", start.arguments().get(1).at()));
        assertThat(((CommandParameterAst) start.arguments().get(2)).argument()).isNull();
        assertThat(((CommandAst) p.elements().get(1)).arguments().get(0)).isInstanceOf(ScriptBlockExpressionAst.class);
    }

    @Test
    void firstElementMayBeAnExpression() {
        PipelineAst p = (PipelineAst) first("1..3 | ForEach-Object { $_ }");
        assertThat(p.elements().get(0)).isInstanceOf(BinaryAst.class);
        assertThat(((BinaryAst) p.elements().get(0)).operator()).isEqualTo(TokenKind.DOTDOT);
    }

    @Test
    void precedenceAndLeftAssociativity() {
        PipelineAst p = (PipelineAst) first("$a -eq 1 + 2 * 3 -and -not $b");
        BinaryAst and = (BinaryAst) p.elements().get(0);
        assertThat(and.operator()).isEqualTo(TokenKind.AND);
        BinaryAst eq = (BinaryAst) and.left();
        assertThat(eq.operator()).isEqualTo(TokenKind.EQ);
        BinaryAst plus = (BinaryAst) eq.right();
        assertThat(plus.operator()).isEqualTo(TokenKind.PLUS);
        assertThat(((BinaryAst) plus.right()).operator()).isEqualTo(TokenKind.STAR);
    }

    @Test
    void assignmentsCastsAndMethodCalls() {
        AssignmentAst a = (AssignmentAst) first("$x = [int]$y.Trim().Length");
        assertThat(a.target()).isInstanceOf(VariableAst.class);
        PipelineAst v = (PipelineAst) a.value();
        ConvertAst cast = (ConvertAst) v.elements().get(0);
        assertThat(cast.typeName()).isEqualTo("int");
        assertThat(((AssignmentAst) first("$t += 1")).operator()).isEqualTo("+=");
        assertThat(((PipelineAst) first("$s.Replace('a', 'b')")).elements().get(0)).isInstanceOf(InvokeMemberAst.class);
    }

    @Test
    void multipleAssignmentTargetsAreACommaList() {
        AssignmentAst a = (AssignmentAst) first("$a, $b = $line -split ' '");
        ArrayLiteralAst targets = (ArrayLiteralAst) a.target();
        assertThat(targets.elements()).hasSize(2).allMatch(VariableAst.class::isInstance);
        assertThat(a.operator()).isEqualTo("=");
        assertThat(((ArrayLiteralAst) ((AssignmentAst) first("$h.First, $x[0], [int]$n = 1, 2, 3")).target()).elements())
                .hasSize(3);
        assertThatThrownBy(() -> first("$a, $b += 1, 2")).isInstanceOf(ParseException.class)
                .hasMessageContaining("'+='").hasMessageContaining("only '='");
        assertThatThrownBy(() -> first("$a, 'b' = 1, 2")).isInstanceOf(ParseException.class)
                .hasMessageContaining("The assignment expression is not valid");
    }

    @Test
    void statementsAsValues() {
        AssignmentAst a = (AssignmentAst) first("$x = if ($c) { 1 } else { 2 }");
        assertThat(((PipelineAst) a.value()).elements().get(0).getClass().getSimpleName()).isEqualTo("StatementExpressionAst");
    }

    @Test
    void controlFlowStatements() {
        IfAst i = (IfAst) first("if ($a) { 1 }\nelseif ($b) { 2 }\nelse { 3 }");
        assertThat(i.conditions()).hasSize(2);
        assertThat(i.elseBody()).hasSize(1);
        ForEachAst f = (ForEachAst) first("foreach ($j in Get-BitsTransfer) { $j }");
        assertThat(f.variable()).isEqualTo("j");
        TryAst t = (TryAst) first("try { x } catch [System.Net.WebException], [IO.IOException] { y } finally { z }");
        assertThat(t.catchTypes().get(0)).containsExactly("System.Net.WebException", "IO.IOException");
        SwitchAst s = (SwitchAst) first("switch -Wildcard ($n) { 'a*' { 1 } { $_ -gt 2 } { 2 } default { 3 } }");
        assertThat(s.wildcard()).isTrue();
        assertThat(s.patterns()).hasSize(2);
        assertThat(s.defaultBody()).isNotNull();
    }

    @Test
    void functionsWithParamBlockAttributesAndNamedBlocks() {
        FunctionAst f = (FunctionAst) first("function Get-X {\n [CmdletBinding()]\n param([Parameter(Mandatory, Position=0)]"
                + "[string]$Name, [int]$Count = 2, [switch]$Force)\n begin { } process { $_ } end { }\n}");
        ScriptBlockAst body = f.body();
        assertThat(body.attributes()).extracting(a -> a.name()).containsExactly("CmdletBinding");
        assertThat(body.parameters()).extracting(p -> p.name()).containsExactly("Name", "Count", "Force");
        assertThat(body.parameters().get(0).attributes().get(0).named()).containsKeys("Mandatory", "Position");
        assertThat(body.parameters().get(1).defaultValue()).isInstanceOf(ConstantAst.class);
        assertThat(body.process()).hasSize(1);
    }

    @Test
    void expandableStringsSplitIntoParts() {
        PipelineAst p = (PipelineAst) first("\"Job $name is $($job.JobState)`n\"");
        ExpandableStringAst s = (ExpandableStringAst) p.elements().get(0);
        assertThat(s.parts()).hasSize(5);
        assertThat(s.parts().get(0)).isEqualTo("Job ");
        assertThat(s.parts().get(4)).isEqualTo("\n");
    }

    @Test
    void parseErrorsCarryPositionAndCaret() {
        assertThatThrownBy(() -> Parser.parse("$x = 1\nif ($x { 'y' }", "bad.ps1"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.position().line()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("bad.ps1:2:").contains("if ($x { 'y' }").contains("^");
                });
        assertThatThrownBy(() -> Parser.parse("foreach ($a in $b) {\n  $a", "open.ps1"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.isIncomplete()).isTrue());
        assertThatThrownBy(() -> Parser.parse("1 | 2", "p.ps1"))
                .hasMessageContaining("p.ps1:1:5").hasMessageContaining("only allowed as the first element");
    }
}
