package org.drizzle.host.lex;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every kind of token, with its source text and, for binary operators, its precedence
 * (higher binds tighter): -and/-or 1, comparisons 2, bitwise 3, + - 4, * / % 5, -f 6, .. 7.
 * Dash operators accept PowerShell's case prefixes ({@code -ceq}, {@code -ilike}); the
 * prefix rides in {@link Token#value()}.
 */
public enum TokenKind {
    EOF("<end of input>", 0), NEWLINE("<newline>", 0), SEMI(";", 0),
    VARIABLE("$name", 0), SPLAT("@name", 0), NUMBER("<number>", 0),
    STRING("'string'", 0), EXPANDABLE_STRING("\"string\"", 0),
    /** A bare word in command mode: a command name, path, URL or unquoted argument. */
    GENERIC("<word>", 0),
    /** A bare word in expression mode: a keyword, member or type name. */
    IDENT("<identifier>", 0),
    /** {@code -Name} (value = name) in command mode; text ends with ':' for {@code -Name:value}. */
    PARAMETER("-Name", 0),
    LPAREN("(", 0), RPAREN(")", 0), LBRACE("{", 0), RBRACE("}", 0), LBRACKET("[", 0), RBRACKET("]", 0),
    AT_PAREN("@(", 0), AT_BRACE("@{", 0), DOLLAR_PAREN("$(", 0),
    COMMA(",", 0), DOT(".", 0), COLONCOLON("::", 0), PIPE("|", 0), AMP("&", 0), AND_AND("&&", 0), OR_OR("||", 0),
    ASSIGN("=", 0), PLUS_ASSIGN("+=", 0), MINUS_ASSIGN("-=", 0), STAR_ASSIGN("*=", 0),
    SLASH_ASSIGN("/=", 0), PERCENT_ASSIGN("%=", 0), INCREMENT("++", 0), DECREMENT("--", 0),
    REDIRECT(">", 0), EXCLAIM("!", 0),
    AND("-and", 1), OR("-or", 1), XOR("-xor", 1),
    EQ("-eq", 2), NE("-ne", 2), GT("-gt", 2), GE("-ge", 2), LT("-lt", 2), LE("-le", 2),
    LIKE("-like", 2), NOTLIKE("-notlike", 2), MATCH("-match", 2), NOTMATCH("-notmatch", 2),
    CONTAINS("-contains", 2), NOTCONTAINS("-notcontains", 2), IN("-in", 2), NOTIN("-notin", 2),
    REPLACE("-replace", 2), SPLIT("-split", 2), JOIN("-join", 2), IS("-is", 2), ISNOT("-isnot", 2), AS("-as", 2),
    BAND("-band", 3), BOR("-bor", 3), BXOR("-bxor", 3), SHL("-shl", 3), SHR("-shr", 3),
    PLUS("+", 4), MINUS("-", 4), STAR("*", 5), SLASH("/", 5), PERCENT("%", 5),
    FORMAT("-f", 6), DOTDOT("..", 7),
    NOT("-not", 0), BNOT("-bnot", 0);

    private static final Map<String, TokenKind> DASH_OPERATORS = new HashMap<>();

    static {
        for (TokenKind k : values()) {
            if (k.text.startsWith("-") && k.text.length() > 1 && k != PARAMETER) {
                DASH_OPERATORS.put(k.text.substring(1), k);
            }
        }
    }

    private final String text;
    private final int precedence;

    TokenKind(String text, int precedence) {
        this.text = text;
        this.precedence = precedence;
    }

    public String text() {
        return text;
    }

    /** Binary precedence; 0 for tokens that are not binary operators. */
    public int precedence() {
        return precedence;
    }

    public boolean isBinary() {
        return precedence > 0;
    }

    /** Comparison operators take a case prefix and are run by the runtime's compare. */
    public boolean isComparison() {
        return precedence == 2 && this != REPLACE && this != SPLIT && this != JOIN
                && this != IS && this != ISNOT && this != AS;
    }

    /**
     * The dash operator named by {@code word} (without the dash, any case, with an optional
     * c/i prefix for comparisons), or null.
     */
    public static TokenKind dashOperator(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        TokenKind k = DASH_OPERATORS.get(w);
        if (k == null && w.length() > 2 && (w.charAt(0) == 'c' || w.charAt(0) == 'i')) {
            k = DASH_OPERATORS.get(w.substring(1));
            if (k != null && !(k.isComparison() || k == REPLACE || k == SPLIT)) {
                k = null;
            }
        }
        return k;
    }
}
