package org.drizzle.host.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.drizzle.host.ast.ArrayLiteralAst;
import org.drizzle.host.ast.AttributeAst;
import org.drizzle.host.ast.BinaryAst;
import org.drizzle.host.ast.ConstantAst;
import org.drizzle.host.ast.ConvertAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.HashtableAst;
import org.drizzle.host.ast.IndexAst;
import org.drizzle.host.ast.InvokeMemberAst;
import org.drizzle.host.ast.MemberAst;
import org.drizzle.host.ast.ParenAst;
import org.drizzle.host.ast.ScriptBlockExpressionAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.SubExpressionAst;
import org.drizzle.host.ast.TypeAst;
import org.drizzle.host.ast.UnaryAst;
import org.drizzle.host.ast.VariableAst;
import org.drizzle.host.lex.ExpandableText;
import org.drizzle.host.lex.Lexer.Mode;
import org.drizzle.host.lex.SourcePosition;
import org.drizzle.host.lex.Token;
import org.drizzle.host.lex.TokenKind;

/**
 * The expression half of the recursive-descent parser: operators by precedence, unary
 * operators and casts, postfix member access, and primary values. Statements inside
 * expressions ({@code $( )}, {@code @( )}, {@code { }}) go back to {@link Parser}.
 */
final class ExpressionParser {
    private final TokenStream in;
    private final Parser statements;

    ExpressionParser(TokenStream in, Parser statements) {
        this.in = in;
        this.statements = statements;
    }

    /**
     * Expression :
     *      BinaryExpression
     * BinaryExpression :
     *      ArrayLiteral ( BinaryOperator NewLines? ArrayLiteral )*   -- by TokenKind.precedence, left to right
     */
    Expression expression() {
        return binary(this::arrayLiteral, 1);
    }

    /**
     * Precedence climbing over {@code operand}s: operators binding at least {@code minPrecedence}
     * are taken here, left to right; a tighter one on the right recurses first.
     */
    private Expression binary(Supplier<Expression> operand, int minPrecedence) {
        Expression left = operand.get();
        while (true) {
            Token t = in.peek();
            if (!t.kind().isBinary() || t.kind().precedence() < minPrecedence) {
                return left;
            }
            in.advance(t);
            in.skipNewlines(false);
            Expression right = binary(operand, t.kind().precedence() + 1);
            left = new BinaryAst(t.kind(), t.value() == null ? "" : (String) t.value(), left, right, in.at(t));
        }
    }

    /**
     * ArrayLiteral :
     *      Unary ( , NewLines? Unary )*
     */
    Expression arrayLiteral() {
        Token first = in.peek();
        Expression e = unary();
        if (!in.peek().is(TokenKind.COMMA)) {
            return e;
        }
        List<Expression> items = new ArrayList<>();
        items.add(e);
        while (in.accept(TokenKind.COMMA, Mode.EXPRESSION)) {
            in.skipNewlines(false);
            items.add(unary());
        }
        return new ArrayLiteralAst(items, in.at(first));
    }

    /**
     * Unary :
     *      ( ! | -not | -bnot | - | + | -split | -join | ++ | -- ) Unary
     *      , Unary                        -- a one-element array
     *      [ TypeName ] Unary             -- a cast
     *      [ TypeName ] :: Member ...     -- a type literal with static members
     *      Postfix
     */
    Expression unary() {
        Token t = in.peek();
        switch (t.kind()) {
            case EXCLAIM, NOT, BNOT, MINUS, PLUS, SPLIT, JOIN, INCREMENT, DECREMENT -> {
                in.advance(t);
                in.skipNewlines(false);
                return new UnaryAst(t.kind(), unary(), false, in.at(t));
            }
            case COMMA -> {
                in.advance(t);
                return new ArrayLiteralAst(List.of(unary()), in.at(t));
            }
            case LBRACKET -> {
                int mark = in.mark();
                in.advance(t);
                String type = typeName();
                if (attributeFollows || type.isEmpty()) {
                    in.reset(mark);
                    throw in.error(t, "Unexpected attribute '" + type + "' outside a param block.");
                }
                Token next = in.peek();
                if (next.is(TokenKind.COLONCOLON)) {
                    return postfix(new TypeAst(type, in.at(t)));
                }
                if (startsOperand(next)) {
                    return new ConvertAst(type, unary(), in.at(t));
                }
                return postfix(new TypeAst(type, in.at(t)));
            }
            default -> {
                return postfix(primary());
            }
        }
    }

    private static boolean startsOperand(Token t) {
        return switch (t.kind()) {
            case VARIABLE, NUMBER, STRING, EXPANDABLE_STRING, LPAREN, DOLLAR_PAREN, AT_PAREN, AT_BRACE, LBRACE,
                 LBRACKET, MINUS, EXCLAIM, NOT, PLUS -> true;
            default -> false;
        };
    }

    /** Set by {@link #typeName()} when the name stopped at '(' (an attribute's arguments follow). */
    boolean attributeFollows;

    /**
     * Reads a type name up to the matching ']' (generic arguments and [] allowed) and consumes
     * the ']'; stops before a '(' instead, setting {@link #attributeFollows}.
     */
    String typeName() {
        attributeFollows = false;
        String src = in.lexer().source();
        int start = in.mark();
        int i = start;
        int depth = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == '(' || c == '\n') {
                break;
            }
            i++;
        }
        String name = src.substring(start, i).trim();
        in.reset(i);
        if (i < src.length() && src.charAt(i) == ']') {
            in.reset(i + 1);
        } else if (i < src.length() && src.charAt(i) == '(') {
            attributeFollows = true;
            return name;
        } else {
            throw in.lexer().incomplete(start, "Missing ']' after type name '" + name + "'.");
        }
        return name;
    }

    /**
     * Attribute :
     *      [ Name ]  |  [ Name ( ( Name ( = Expression )? | Expression ) ( , ... )* ) ]
     * Called after the '[' with the name read; a named argument without a value is $true.
     */
    AttributeAst attribute(String name, SourcePosition at) {
        List<Expression> positional = new ArrayList<>();
        Map<String, Expression> named = new LinkedHashMap<>();
        if (in.accept(TokenKind.LPAREN, Mode.EXPRESSION)) {
            in.skipNewlines(false);
            while (!in.peek().is(TokenKind.RPAREN)) {
                Token t = in.peek();
                if (t.is(TokenKind.IDENT)) {
                    in.advance(t);
                    if (in.accept(TokenKind.ASSIGN, Mode.EXPRESSION)) {
                        in.skipNewlines(false);
                        named.put(t.text(), unary());
                    } else {
                        named.put(t.text(), new ConstantAst(Boolean.TRUE, in.at(t)));
                    }
                } else {
                    positional.add(unary());
                }
                in.skipNewlines(false);
                if (!in.accept(TokenKind.COMMA, Mode.EXPRESSION)) {
                    break;
                }
                in.skipNewlines(false);
            }
            in.expect(TokenKind.RPAREN, "')' in attribute " + name);
            in.expect(TokenKind.RBRACKET, "']' after attribute " + name);
        }
        return new AttributeAst(name, positional, named, at);
    }

    /**
     * Postfix :
     *      Primary ( .Name | .Name( Arguments ) | ::Name | ::Name( Arguments ) | [ Expression ] | ++ | -- )*
     * with no white space before the '.', '::' or '['.
     */
    Expression postfix(Expression e) {
        while (true) {
            Token t = in.peek();
            if (t.spaceBefore()) {
                return e;
            }
            if (t.is(TokenKind.DOT) || t.is(TokenKind.COLONCOLON)) {
                in.advance(t);
                boolean isStatic = t.is(TokenKind.COLONCOLON);
                Token name = in.peek();
                Expression member;
                if (name.is(TokenKind.IDENT)) {
                    in.advance(name);
                    member = new ConstantAst(name.text(), in.at(name));
                } else if (name.is(TokenKind.VARIABLE) || name.is(TokenKind.STRING)
                        || name.is(TokenKind.EXPANDABLE_STRING) || name.is(TokenKind.LPAREN)) {
                    member = primary();
                } else {
                    throw in.error(name, "Missing property name after '" + t.text() + "'.");
                }
                Token paren = in.peek();
                if (paren.is(TokenKind.LPAREN) && !paren.spaceBefore()) {
                    in.advance(paren);
                    e = new InvokeMemberAst(e, member, arguments(), isStatic, in.at(name));
                } else {
                    e = new MemberAst(e, member, isStatic, in.at(name));
                }
            } else if (t.is(TokenKind.LBRACKET)) {
                in.advance(t);
                in.skipNewlines(false);
                Expression index = expression();
                in.skipNewlines(false);
                in.expect(TokenKind.RBRACKET, "']' after the array index");
                e = new IndexAst(e, index, in.at(t));
            } else if (t.is(TokenKind.INCREMENT) || t.is(TokenKind.DECREMENT)) {
                in.advance(t);
                e = new UnaryAst(t.kind(), e, true, in.at(t));
            } else {
                return e;
            }
        }
    }

    /** Method arguments after '(' up to and including ')'; a comma separates arguments here. */
    private List<Expression> arguments() {
        List<Expression> args = new ArrayList<>();
        in.skipNewlines(false);
        if (in.accept(TokenKind.RPAREN, Mode.EXPRESSION)) {
            return args;
        }
        while (true) {
            args.add(binaryNoComma());
            in.skipNewlines(false);
            if (in.accept(TokenKind.COMMA, Mode.EXPRESSION)) {
                in.skipNewlines(false);
                continue;
            }
            in.expect(TokenKind.RPAREN, "')' in method call");
            return args;
        }
    }

    /** An operator expression whose operands are single values (commas separate method arguments). */
    Expression binaryNoComma() {
        return binary(this::unary, 1);
    }

    /**
     * Primary :
     *      Number | 'string' | "string" | $variable | ( Pipeline ) | $( Statements ) | @( Statements )
     *      | @{ Hashtable } | { ScriptBlock }
     */
    Expression primary() {
        Token t = in.peek();
        switch (t.kind()) {
            case NUMBER -> {
                in.advance(t);
                return new ConstantAst(t.value(), in.at(t));
            }
            case STRING -> {
                in.advance(t);
                return new ConstantAst(t.value(), in.at(t));
            }
            case EXPANDABLE_STRING -> {
                in.advance(t);
                return new StringExpander(in.lexer(), statements).expand((ExpandableText) t.value(),
                        t.text().startsWith("@"), in.at(t));
            }
            case VARIABLE -> {
                in.advance(t);
                return new VariableAst((String) t.value(), false, in.at(t));
            }
            case LPAREN -> {
                in.advance(t);
                in.skipNewlines(false);
                Statement s = statements.pipelineOrAssignment();
                in.skipNewlines(false);
                in.expect(TokenKind.RPAREN, "closing ')'");
                return new ParenAst(s, in.at(t));
            }
            case DOLLAR_PAREN, AT_PAREN -> {
                in.advance(t);
                List<Statement> body = statements.statementList(TokenKind.RPAREN);
                in.expect(TokenKind.RPAREN, "closing ')' of the subexpression");
                return new SubExpressionAst(body, t.is(TokenKind.AT_PAREN), in.at(t));
            }
            case AT_BRACE -> {
                in.advance(t);
                return hashtable(t);
            }
            case LBRACE -> {
                in.advance(t);
                return new ScriptBlockExpressionAst(statements.closeBlock(statements.scriptBlockBody(t.end(),
                        TokenKind.RBRACE)), in.at(t));
            }
            case IDENT -> throw in.error(t, "Unexpected token '" + t.text() + "' in expression or statement."
                    + " Quote text ('" + t.text() + "') or call a command with parentheses.");
            default -> throw in.unexpected(t);
        }
    }

    /**
     * Hashtable :
     *      @{ ( Key = Pipeline ( NewLine | ; ) )* }
     * Key is a bare word, a string, a number or a ( ) / $ expression.
     */
    private Expression hashtable(Token open) {
        List<Expression> keys = new ArrayList<>();
        List<Statement> values = new ArrayList<>();
        while (true) {
            in.skipNewlines(true);
            Token k = in.peek();
            if (k.is(TokenKind.RBRACE)) {
                in.advance(k);
                return new HashtableAst(keys, values, in.at(open));
            }
            if (k.is(TokenKind.IDENT)) {
                in.advance(k);
                keys.add(new ConstantAst(k.text(), in.at(k)));
            } else if (k.is(TokenKind.EOF)) {
                throw in.lexer().incomplete(open.start(), "Missing closing '}' in hash literal.");
            } else {
                keys.add(unary());
            }
            Token eq = in.peek();
            if (!eq.is(TokenKind.ASSIGN)) {
                throw in.error(eq, "Missing '=' operator after key in hash literal.");
            }
            in.advance(eq);
            in.skipNewlines(false);
            values.add(statements.assignmentValue());
            Token sep = in.peek();
            if (!sep.is(TokenKind.NEWLINE) && !sep.is(TokenKind.SEMI) && !sep.is(TokenKind.RBRACE)) {
                throw in.error(sep, "Missing statement separator (';' or a new line) in hash literal; found '"
                        + sep.text().trim() + "'.");
            }
        }
    }
}
