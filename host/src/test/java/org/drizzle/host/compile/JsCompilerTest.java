package org.drizzle.host.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsCompilerTest {

    @Test
    void operatorsAreRuntimeCallsNeverRawJavaScript() {
        String js = JsCompiler.compile("$a -eq 'x' -and $b + 1 -gt 2", "t.ps1").javaScript();
        assertThat(js).contains("rt.cmp(\"eq\"", "rt.cmp(\"gt\"", "rt.add(", "rt.t(");
        assertThat(js.replace("!=", "").replace("==", "")).isEqualTo(js.replace("!=", ""));
    }

    @Test
    void everyScriptBlockIsNumberedAndStatementsCarryPositions() {
        CompiledScript c = JsCompiler.compile("function F { 1 }\nGet-Thing | Where-Object { $_ }", "t.ps1");
        assertThat(c.blocks()).hasSize(3);
        assertThat(c.javaScript()).contains("B[2] = ", "rt.at(2, 1)", "rt.defineFunction(\"F\", 1)", "rt.sb(2)");
    }

    @Test
    void constantsJsCannotSpellGoToTheTable() {
        CompiledScript c = JsCompiler.compile("5GB; 1.0; 7", "t.ps1");
        assertThat(c.constants()).containsExactly(5368709120L, 1.0);
        assertThat(c.javaScript()).contains("rt.out(K[0])", "rt.out(K[1])", "rt.out(7)");
    }

    @Test
    void loopsAndTryMapToJavaScriptControlFlow() {
        String js = JsCompiler.compile(":outer foreach ($a in 1..2) { while ($true) { break outer } }; "
                + "try { throw 'x' } catch { 'c' } finally { 'f' }", "t.ps1").javaScript();
        assertThat(js).contains("L_outer: for (", "break L_outer;", "rt.enterTry()", "finally {", "rt.caught(");
    }

    @Test
    void breakOutsideALoopUnwindsThroughTheRuntime() {
        String js = JsCompiler.compile("1..3 | ForEach-Object { if ($_ -eq 2) { break } }", "t.ps1").javaScript();
        assertThat(js).contains("rt.flow(\"break\", null)");
    }
}
