package org.drizzle.host.lex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * Scans PowerShell source on demand. PowerShell tokenises differently in command mode
 * (arguments: {@code C:\tmp\*.iso}, {@code -Name}, {@code https://h/f?a=1} are single tokens)
 * and expression mode ({@code -eq}, {@code 1KB}, {@code .Name}), so the parser asks for the
 * token at an offset in the mode it is in; no token is cached here. The comments skipped on the
 * way are remembered by offset (scanning the same place twice finds the same comment), because
 * only the lexer knows a {@code #} that starts a comment from one inside a string or a word.
 */
public final class Lexer {
    /** Which tokenisation the parser wants at this point. */
    public enum Mode { COMMAND, EXPRESSION }

    private static final String OPEN_DOUBLE = "\"\u201C\u201D\u201E";
    private static final String OPEN_SINGLE = "'\u2018\u2019\u201A\u201B";
    private static final List<String> SCOPES = List.of("env", "script", "global", "local", "private", "using",
            "variable", "function");

    private final String src;
    private final String file;
    private final int[] lineStarts;
    private final TreeMap<Integer, Comment> comments = new TreeMap<>();

    public Lexer(String source, String file) {
        this.src = source;
        this.file = file;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String source() {
        return src;
    }

    public String file() {
        return file;
    }

    /** The comments skipped so far (every comment before the parser's furthest look-ahead), by offset. */
    public NavigableMap<Integer, Comment> comments() {
        return Collections.unmodifiableNavigableMap(comments);
    }

    /** Position (1-based line and column) of an offset. */
    public SourcePosition position(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new SourcePosition(file, lo + 1, offset - lineStarts[lo] + 1);
    }

    /** The text of the line holding {@code offset}, for error carets. */
    public String lineText(int offset) {
        SourcePosition p = position(offset);
        int s = lineStarts[p.line() - 1];
        int e = src.indexOf('\n', s);
        return src.substring(s, e < 0 ? src.length() : e).replace("\r", "").replace('\t', ' ');
    }

    public ParseException error(int offset, String reason) {
        return new ParseException(position(offset), reason, lineText(Math.min(offset, src.length())), false);
    }

    /** An error caused by the input ending early (the REPL reads another line instead). */
    public ParseException incomplete(int offset, String reason) {
        return new ParseException(position(offset), reason, lineText(Math.min(offset, src.length())), true);
    }

    /** The token starting at or after {@code pos} (skipping blanks, comments and line continuations). */
    public Token next(int pos, Mode mode) {
        int start = skipBlanks(pos);
        boolean space = start > pos || pos == 0;
        if (start >= src.length()) {
            return tok(TokenKind.EOF, start, start, null, space);
        }
        char c = src.charAt(start);
        char n = start + 1 < src.length() ? src.charAt(start + 1) : '\0';
        switch (c) {
            case '\n':
                return tok(TokenKind.NEWLINE, start, start + 1, null, space);
            case '\r':
                return tok(TokenKind.NEWLINE, start, n == '\n' ? start + 2 : start + 1, null, space);
            case ';':
                return tok(TokenKind.SEMI, start, start + 1, null, space);
            case '(':
                return tok(TokenKind.LPAREN, start, start + 1, null, space);
            case ')':
                return tok(TokenKind.RPAREN, start, start + 1, null, space);
            case '{':
                return tok(TokenKind.LBRACE, start, start + 1, null, space);
            case '}':
                return tok(TokenKind.RBRACE, start, start + 1, null, space);
            case ']':
                return tok(TokenKind.RBRACKET, start, start + 1, null, space);
            case ',':
                return tok(TokenKind.COMMA, start, start + 1, null, space);
            case '|':
                return n == '|' ? tok(TokenKind.OR_OR, start, start + 2, null, space) : tok(TokenKind.PIPE, start, start + 1, null, space);
            case '&':
                return n == '&' ? tok(TokenKind.AND_AND, start, start + 2, null, space) : tok(TokenKind.AMP, start, start + 1, null, space);
            case '$':
                return dollar(start, space);
            case '@':
                return at(start, space, mode);
            case '[':
                return tok(TokenKind.LBRACKET, start, start + 1, null, space);
            default:
                break;
        }
        if (OPEN_SINGLE.indexOf(c) >= 0) {
            return singleQuoted(start, space);
        }
        if (OPEN_DOUBLE.indexOf(c) >= 0) {
            return doubleQuoted(start, space);
        }
        return mode == Mode.COMMAND ? commandToken(start, space) : expressionToken(start, space);
    }

    private Token tok(TokenKind k, int s, int e, Object value, boolean space) {
        SourcePosition p = position(s);
        return new Token(k, src.substring(s, Math.min(e, src.length())), value, s, e, p.line(), p.column(), space);
    }

    /** Skips spaces, tabs, comments and backtick-newline continuations; stops at a newline. */
    private int skipBlanks(int pos) {
        int i = pos;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u00A0') {
                i++;
            } else if (c == '`' && i + 1 < src.length() && (src.charAt(i + 1) == '\n' || src.charAt(i + 1) == '\r')) {
                i += src.startsWith("\r\n", i + 1) ? 3 : 2;
            } else if (c == '<' && src.startsWith("<#", i)) {
                int end = src.indexOf("#>", i + 2);
                if (end < 0) {
                    throw incomplete(i, "Missing the closing '#>' of a block comment.");
                }
                comments.putIfAbsent(i, new Comment(i, end + 2, true, src));
                i = end + 2;
            } else if (c == '#') {
                int start = i;
                while (i < src.length() && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
                    i++;
                }
                comments.putIfAbsent(start, new Comment(start, i, false, src));
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** {@code $name}, {@code $env:NAME}, {@code ${any name}}, {@code $_}, {@code $?}, {@code $(}. */
    private Token dollar(int s, boolean space) {
        int i = s + 1;
        if (i >= src.length()) {
            return generic(s, space);
        }
        char c = src.charAt(i);
        if (c == '(') {
            return tok(TokenKind.DOLLAR_PAREN, s, s + 2, null, space);
        }
        if (c == '{') {
            int end = src.indexOf('}', i);
            if (end < 0) {
                throw incomplete(s, "Missing the closing '}' of a ${...} variable name.");
            }
            return tok(TokenKind.VARIABLE, s, end + 1, src.substring(i + 1, end), space);
        }
        if (c == '?' || c == '$' || c == '^') {
            return tok(TokenKind.VARIABLE, s, i + 1, String.valueOf(c), space);
        }
        int end = i;
        while (end < src.length() && isNameChar(src.charAt(end))) {
            end++;
        }
        if (end == i) {
            return generic(s, space);
        }
        String name = src.substring(i, end);
        if (end + 1 < src.length() && src.charAt(end) == ':' && SCOPES.contains(name.toLowerCase(Locale.ROOT))
                && isNameChar(src.charAt(end + 1))) {
            int e2 = end + 1;
            while (e2 < src.length() && isNameChar(src.charAt(e2))) {
                e2++;
            }
            return tok(TokenKind.VARIABLE, s, e2, src.substring(i, e2), space);
        }
        return tok(TokenKind.VARIABLE, s, end, name, space);
    }

    private Token at(int s, boolean space, Mode mode) {
        char n = s + 1 < src.length() ? src.charAt(s + 1) : '\0';
        if (n == '(') {
            return tok(TokenKind.AT_PAREN, s, s + 2, null, space);
        }
        if (n == '{') {
            return tok(TokenKind.AT_BRACE, s, s + 2, null, space);
        }
        if (n == '"' || n == '\'' || n == '\u201C' || n == '\u2018') {
            return hereString(s, space);
        }
        int end = s + 1;
        while (end < src.length() && isNameChar(src.charAt(end))) {
            end++;
        }
        if (end > s + 1) {
            return tok(TokenKind.SPLAT, s, end, src.substring(s + 1, end), space);
        }
        throw error(s, "Unrecognized token '@'.");
    }

    /** {@code @" ... "@} and {@code @' ... '@}: the body lies between the opening line and a line starting with the closer. */
    private Token hereString(int s, boolean space) {
        boolean expandable = OPEN_DOUBLE.indexOf(src.charAt(s + 1)) >= 0;
        int i = s + 2;
        while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        if (i >= src.length() || (src.charAt(i) != '\n' && src.charAt(i) != '\r')) {
            if (i >= src.length()) {
                throw incomplete(s, "The here-string header must be followed by a new line.");
            }
            throw error(s, "No characters are allowed after a here-string header but before the end of the line.");
        }
        int bodyStart = src.startsWith("\r\n", i) ? i + 2 : i + 1;
        String closers = expandable ? OPEN_DOUBLE : OPEN_SINGLE;
        int lineStart = bodyStart;
        while (lineStart <= src.length()) {
            if (lineStart < src.length() && closers.indexOf(src.charAt(lineStart)) >= 0
                    && lineStart + 1 < src.length() + 1 && src.startsWith("@", lineStart + 1)) {
                int bodyEnd = Math.max(bodyStart, lineStart - 1);
                if (bodyEnd > bodyStart && src.charAt(bodyEnd - 1) == '\r') {
                    bodyEnd--;
                }
                String body = lineStart == bodyStart ? "" : src.substring(bodyStart, bodyEnd);
                return tok(expandable ? TokenKind.EXPANDABLE_STRING : TokenKind.STRING, s, lineStart + 2,
                        expandable ? new ExpandableText(body, bodyStart) : body, space);
            }
            int nl = src.indexOf('\n', lineStart);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        throw incomplete(s, "The string is missing the terminator: " + (expandable ? "\"@" : "'@") + ".");
    }

    private Token singleQuoted(int s, boolean space) {
        StringBuilder b = new StringBuilder();
        int i = s + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (OPEN_SINGLE.indexOf(c) >= 0) {
                if (i + 1 < src.length() && OPEN_SINGLE.indexOf(src.charAt(i + 1)) >= 0) {
                    b.append(c);
                    i += 2;
                    continue;
                }
                return tok(TokenKind.STRING, s, i + 1, b.toString(), space);
            }
            b.append(c);
            i++;
        }
        throw incomplete(s, "The string is missing the terminator: '.");
    }

    /**
     * A double-quoted string: the raw body (escapes and $ still in it) goes to the parser, which
     * splits it into literal text and embedded expressions. {@code $( ... )} may hold quotes.
     */
    private Token doubleQuoted(int s, boolean space) {
        int i = s + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '`') {
                i += 2;
            } else if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '(') {
                i = skipSubExpression(i + 1);
            } else if (OPEN_DOUBLE.indexOf(c) >= 0) {
                if (i + 1 < src.length() && OPEN_DOUBLE.indexOf(src.charAt(i + 1)) >= 0) {
                    i += 2;
                    continue;
                }
                return tok(TokenKind.EXPANDABLE_STRING, s, i + 1, new ExpandableText(src.substring(s + 1, i), s + 1), space);
            } else {
                i++;
            }
        }
        throw incomplete(s, "The string is missing the terminator: \".");
    }

    /** From an opening '(' returns the offset after its matching ')', stepping over nested strings. */
    public int skipSubExpression(int open) {
        int depth = 0;
        int i = open;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (OPEN_SINGLE.indexOf(c) >= 0) {
                i = singleQuoted(i, false).end() - 1;
            } else if (OPEN_DOUBLE.indexOf(c) >= 0) {
                i = doubleQuoted(i, false).end() - 1;
            } else if (c == '`') {
                i++;
            }
            i++;
        }
        throw incomplete(open, "Missing closing ')' in subexpression.");
    }

    private static boolean endsGeneric(char c) {
        return Character.isWhitespace(c) || c == '|' || c == ';' || c == '(' || c == ')' || c == '{' || c == '}'
                || c == ',' || c == '\n' || c == '\r';
    }

    /** Command mode: parameters, numbers, and bare words up to a separator. */
    private Token commandToken(int s, boolean space) {
        char c = src.charAt(s);
        char n = s + 1 < src.length() ? src.charAt(s + 1) : '\0';
        if ((c == '-' || c == '\u2013' || c == '\u2014') && (Character.isLetter(n) || n == '_' || n == '?')) {
            int e = s + 1;
            while (e < src.length() && !endsGeneric(src.charAt(e)) && src.charAt(e) != ':' && src.charAt(e) != '.'
                    && src.charAt(e) != '[' && src.charAt(e) != '$' && OPEN_DOUBLE.indexOf(src.charAt(e)) < 0
                    && OPEN_SINGLE.indexOf(src.charAt(e)) < 0) {
                e++;
            }
            String name = src.substring(s + 1, e);
            if (e < src.length() && src.charAt(e) == ':') {
                return tok(TokenKind.PARAMETER, s, e + 1, name, space);
            }
            return tok(TokenKind.PARAMETER, s, e, name, space);
        }
        if (c == '=' || (c == '+' && n == '=') || (c == '-' && n == '=')) {
            return expressionToken(s, space);
        }
        if (c == '>') {
            return tok(TokenKind.REDIRECT, s, n == '>' ? s + 2 : s + 1, null, space);
        }
        if (c == '.' && (n == ' ' || n == '\t')) {
            return tok(TokenKind.DOT, s, s + 1, null, space);
        }
        if (((c >= '1' && c <= '6') || c == '*') && n == '>') {
            int e = s + 2;
            if (e < src.length() && (src.charAt(e) == '&' || src.charAt(e) == '>')) {
                e += src.charAt(e) == '&' ? 2 : 1;
            }
            return tok(TokenKind.REDIRECT, s, e, null, space);
        }
        return bareWord(s, space);
    }

    /**
     * A bare-word argument: as {@link #generic}, but a {@code $name}, {@code ${name}} or {@code $(...)}
     * inside it expands as in a double-quoted string ({@code $Source\$i\*.*}, {@code f$i.bin},
     * {@code $($x.Name).log}), as PowerShell's argument mode does.
     */
    private Token bareWord(int s, boolean space) {
        Token word = generic(s, space);
        int e = word.end();
        // a $( ... ) inside the word is part of it, not the end of the argument at '('
        while (e < src.length() && e > s && src.charAt(e) == '(' && src.charAt(e - 1) == '$') {
            int close = skipSubExpression(e);
            Token rest = close < src.length() && !endsGeneric(src.charAt(close)) ? generic(close, false) : null;
            e = rest == null ? close : rest.end();
        }
        String text = src.substring(s, e);
        if (!expands(text)) {
            return e == word.end() ? word : tok(TokenKind.GENERIC, s, e, unescape(text), space);
        }
        return tok(TokenKind.EXPANDABLE_STRING, s, e, new ExpandableText(text, s), space);
    }

    /** True when {@code text} holds an unescaped {@code $name}, {@code ${...}} or {@code $(}. */
    private static boolean expands(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                i++;
            } else if (c == '$') {
                char n = text.charAt(i + 1);
                if (isNameChar(n) || n == '{' || n == '(') {
                    return true;
                }
            }
        }
        return false;
    }

    private Token generic(int s, boolean space) {
        int e = s;
        int bracket = 0;
        while (e < src.length()) {
            char c = src.charAt(e);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (bracket <= 0 && (endsGeneric(c) || c == '>' && e > s)) {
                break;
            } else if (c == '`' && e + 1 < src.length()) {
                e++;
            }
            e++;
        }
        if (e == s) {
            e = s + 1;
        }
        String text = src.substring(s, e);
        Number num = LanguagePrimitives.parseNumber(text);
        if (num != null && (Character.isDigit(text.charAt(0)) || text.length() > 1 && (text.charAt(0) == '-'
                || text.charAt(0) == '.'))) {
            return tok(TokenKind.NUMBER, s, e, num, space);
        }
        return tok(TokenKind.GENERIC, s, e, unescape(text), space);
    }

    /** Bare-word escapes: a backtick keeps the next character literally. */
    private static String unescape(String text) {
        if (text.indexOf('`') < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Expression mode: numbers with suffixes, dash operators, punctuation and identifiers. */
    private Token expressionToken(int s, boolean space) {
        char c = src.charAt(s);
        char n = s + 1 < src.length() ? src.charAt(s + 1) : '\0';
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(n))) {
            return number(s, space);
        }
        if (c == '-' || c == '\u2013' || c == '\u2014') {
            if (Character.isLetter(n)) {
                int e = s + 1;
                while (e < src.length() && Character.isLetter(src.charAt(e))) {
                    e++;
                }
                TokenKind op = TokenKind.dashOperator(src.substring(s + 1, e));
                if (op != null) {
                    String word = src.substring(s + 1, e).toLowerCase(Locale.ROOT);
                    String prefix = word.equals(op.text().substring(1)) ? "" : word.substring(0, 1);
                    return tok(op, s, e, prefix, space);
                }
                // not an operator: in argument position this is a parameter the parser reads in command mode
                return tok(TokenKind.MINUS, s, s + 1, null, space);
            }
            if (n == '-') {
                return tok(TokenKind.DECREMENT, s, s + 2, null, space);
            }
            if (n == '=') {
                return tok(TokenKind.MINUS_ASSIGN, s, s + 2, null, space);
            }
            return tok(TokenKind.MINUS, s, s + 1, null, space);
        }
        switch (c) {
            case '+':
                return n == '+' ? tok(TokenKind.INCREMENT, s, s + 2, null, space)
                        : n == '=' ? tok(TokenKind.PLUS_ASSIGN, s, s + 2, null, space)
                        : tok(TokenKind.PLUS, s, s + 1, null, space);
            case '*':
                return n == '=' ? tok(TokenKind.STAR_ASSIGN, s, s + 2, null, space) : tok(TokenKind.STAR, s, s + 1, null, space);
            case '/':
                return n == '=' ? tok(TokenKind.SLASH_ASSIGN, s, s + 2, null, space) : tok(TokenKind.SLASH, s, s + 1, null, space);
            case '%':
                return n == '=' ? tok(TokenKind.PERCENT_ASSIGN, s, s + 2, null, space) : tok(TokenKind.PERCENT, s, s + 1, null, space);
            case '=':
                if (n == '=') {
                    throw error(s, "'==' is not an operator; use -eq to compare.");
                }
                return tok(TokenKind.ASSIGN, s, s + 1, null, space);
            case '!':
                if (n == '=') {
                    throw error(s, "'!=' is not an operator; use -ne to compare.");
                }
                return tok(TokenKind.EXCLAIM, s, s + 1, null, space);
            case '.':
                return n == '.' ? tok(TokenKind.DOTDOT, s, s + 2, null, space) : tok(TokenKind.DOT, s, s + 1, null, space);
            case ':':
                if (n == ':') {
                    return tok(TokenKind.COLONCOLON, s, s + 2, null, space);
                }
                break;
            case '>':
                return tok(TokenKind.REDIRECT, s, n == '>' ? s + 2 : s + 1, null, space);
            default:
                break;
        }
        if (Character.isLetter(c) || c == '_') {
            int e = s + 1;
            while (e < src.length() && isNameChar(src.charAt(e))) {
                e++;
            }
            return tok(TokenKind.IDENT, s, e, src.substring(s, e), space);
        }
        // not expression syntax: hand it over as a word; the parser names it in its error
        return generic(s, space);
    }

    private Token number(int s, boolean space) {
        int e = s;
        if (src.startsWith("0x", s) || src.startsWith("0X", s)) {
            e = s + 2;
            while (e < src.length() && Character.digit(src.charAt(e), 16) >= 0) {
                e++;
            }
        } else {
            while (e < src.length() && (Character.isDigit(src.charAt(e)) || src.charAt(e) == '.'
                    && e + 1 < src.length() && Character.isDigit(src.charAt(e + 1)))) {
                e++;
            }
            if (e < src.length() && (src.charAt(e) == 'e' || src.charAt(e) == 'E')) {
                int x = e + 1;
                if (x < src.length() && (src.charAt(x) == '+' || src.charAt(x) == '-')) {
                    x++;
                }
                if (x < src.length() && Character.isDigit(src.charAt(x))) {
                    e = x;
                    while (e < src.length() && Character.isDigit(src.charAt(e))) {
                        e++;
                    }
                }
            }
        }
        if (e < src.length() && (src.charAt(e) == 'l' || src.charAt(e) == 'L')) {
            e++;
        }
        if (e + 1 < src.length()) {
            String suffix = src.substring(e, e + 2).toLowerCase(Locale.ROOT);
            if (List.of("kb", "mb", "gb", "tb", "pb").contains(suffix)) {
                e += 2;
            }
        }
        if (e < src.length() && isNameChar(src.charAt(e))) {
            throw error(s, "Unexpected token '" + src.substring(s, Math.min(src.length(), e + 1))
                    + "': a number must not be followed by letters.");
        }
        Number value = LanguagePrimitives.parseNumber(src.substring(s, e));
        if (value == null) {
            throw error(s, "Bad numeric constant: " + src.substring(s, e) + ".");
        }
        return tok(TokenKind.NUMBER, s, e, value, space);
    }
}
