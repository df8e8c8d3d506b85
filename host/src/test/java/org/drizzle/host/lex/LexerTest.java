package org.drizzle.host.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.host.lex.Lexer.Mode;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<Token> tokens(String src, Mode mode) {
        Lexer l = new Lexer(src, "t.ps1");
        List<Token> out = new ArrayList<>();
        int pos = 0;
        while (true) {
            Token t = l.next(pos, mode);
            out.add(t);
            if (t.is(TokenKind.EOF)) {
                return out;
            }
            pos = t.end();
        }
    }

    private static List<TokenKind> kinds(String src, Mode mode) {
        return tokens(src, mode).stream().map(Token::kind).toList();
    }

    @Test
    void commandModeKeepsPathsUrlsAndParametersWhole() {
        List<Token> t = tokens("Start-BitsTransfer -Source https://h/f?a=1 -Destination:./x/*.iso 5", Mode.COMMAND);
        assertThat(t).extracting(Token::kind).containsExactly(TokenKind.GENERIC, TokenKind.PARAMETER, TokenKind.GENERIC,
                TokenKind.PARAMETER, TokenKind.GENERIC, TokenKind.NUMBER, TokenKind.EOF);
        assertThat(t.get(2).value()).isEqualTo("https://h/f?a=1");
        assertThat(t.get(3).text()).isEqualTo("-Destination:");
        assertThat(t.get(3).value()).isEqualTo("Destination");
    }

    @Test
    void expressionModeHasOperatorsWithCasePrefixAndPrecedence() {
        List<Token> t = tokens("$a -ceq 1KB -and $b -iLike 'x*'", Mode.EXPRESSION);
        assertThat(t).extracting(Token::kind).containsExactly(TokenKind.VARIABLE, TokenKind.EQ, TokenKind.NUMBER,
                TokenKind.AND, TokenKind.VARIABLE, TokenKind.LIKE, TokenKind.STRING, TokenKind.EOF);
        assertThat(t.get(1).value()).isEqualTo("c");
        assertThat(t.get(2).value()).isEqualTo(1024);
        assertThat(t.get(5).value()).isEqualTo("i");
        assertThat(TokenKind.STAR.precedence()).isGreaterThan(TokenKind.PLUS.precedence());
        assertThat(TokenKind.PLUS.precedence()).isGreaterThan(TokenKind.EQ.precedence());
        assertThat(TokenKind.EQ.precedence()).isGreaterThan(TokenKind.AND.precedence());
    }

    @Test
    void numbersWithSuffixesAndTypes() {
        assertThat(tokens("1.5GB", Mode.EXPRESSION).get(0).value()).isEqualTo(1610612736.0);
        assertThat(tokens("2TB", Mode.EXPRESSION).get(0).value()).isEqualTo(2199023255552L);
        assertThat(tokens("0x10", Mode.EXPRESSION).get(0).value()).isEqualTo(16);
        assertThat(tokens("3.0", Mode.EXPRESSION).get(0).value()).isEqualTo(3.0);
    }

    @Test
    void variablesScopesAndSplats() {
        List<Token> t = tokens("$env:HOME ${my var} $_ $? @params $script:x", Mode.EXPRESSION);
        assertThat(t).extracting(Token::value).containsSubsequence("env:HOME", "my var", "_", "?", "params", "script:x");
        assertThat(t.get(4).kind()).isEqualTo(TokenKind.SPLAT);
    }

    @Test
    void commentsContinuationsAndStrings() {
        List<Token> t = tokens("'it''s' <# block #> \"x`\"y\" # line\n`\nz", Mode.COMMAND);
        assertThat(t).extracting(Token::kind).containsExactly(TokenKind.STRING, TokenKind.EXPANDABLE_STRING,
                TokenKind.NEWLINE, TokenKind.GENERIC, TokenKind.EOF);
        assertThat(t.get(0).value()).isEqualTo("it's");
        assertThat(t.get(3).line()).isEqualTo(3);
        assertThat(t.get(3).column()).isEqualTo(1);
    }

    @Test
    void typographicQuotesAreDelimiters() {
        assertThat(tokens("\u2018a\u2019", Mode.EXPRESSION).get(0).value()).isEqualTo("a");
        assertThat(tokens("\u201Cb\u201D", Mode.EXPRESSION).get(0).kind()).isEqualTo(TokenKind.EXPANDABLE_STRING);
    }

    @Test
    void unterminatedStringIsIncompleteWithPosition() {
        assertThatThrownBy(() -> tokens("Write-Host 'abc", Mode.COMMAND))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.isIncomplete()).isTrue();
                    assertThat(e.position()).isEqualTo(new SourcePosition("t.ps1", 1, 12));
                    assertThat(e.getMessage()).contains("t.ps1:1:12").contains("missing the terminator")
                            .contains("\n               ^");
                });
    }

    @Test
    void doubleEqualsIsRejectedWithAHint() {
        assertThatThrownBy(() -> tokens("$a == 1", Mode.EXPRESSION)).hasMessageContaining("use -eq");
    }
}
