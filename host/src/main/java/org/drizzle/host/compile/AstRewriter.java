package org.drizzle.host.compile;

import java.util.ArrayList;
import java.util.List;
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

/**
 * Copies a syntax tree node by node (the records are immutable), so that a pass overrides
 * only the nodes it changes. Leaves (constants, variables, type names), attributes and
 * everything that describes a parameter but its default value are kept as they are: the
 * runtime reads them for binding and help.
 */
abstract class AstRewriter {
    ScriptBlockAst block(ScriptBlockAst b) {
        List<ParameterAst> params = new ArrayList<>();
        for (ParameterAst p : b.parameters()) {
            params.add(p.defaultValue() == null ? p : new ParameterAst(p.attributes(), p.typeName(), p.name(),
                    expression(p.defaultValue()), p.defaultText(), p.help(), p.at()));
        }
        return new ScriptBlockAst(b.attributes(), params, statements(b.begin()), statements(b.process()),
                statements(b.end()), b.text(), b.help(), b.at());
    }

    final List<Statement> statements(List<Statement> list) {
        if (list == null) {
            return null;
        }
        List<Statement> out = new ArrayList<>(list.size());
        for (Statement s : list) {
            out.add(statement(s));
        }
        return out;
    }

    private List<List<Statement>> bodies(List<List<Statement>> list) {
        List<List<Statement>> out = new ArrayList<>(list.size());
        for (List<Statement> body : list) {
            out.add(statements(body));
        }
        return out;
    }

    private List<Expression> expressions(List<Expression> list) {
        List<Expression> out = new ArrayList<>(list.size());
        for (Expression e : list) {
            out.add(expression(e));
        }
        return out;
    }

    Statement assignment(AssignmentAst a) {
        return new AssignmentAst(expression(a.target()), a.operator(), statement(a.value()), a.at());
    }

    final Statement statement(Statement s) {
        if (s == null) {
            return null;
        }
        if (s instanceof PipelineAst p) {
            List<Node> elements = new ArrayList<>();
            for (Node n : p.elements()) {
                elements.add(n instanceof CommandAst c ? command(c) : expression((Expression) n));
            }
            return new PipelineAst(elements, p.at());
        }
        if (s instanceof AssignmentAst a) {
            return assignment(a);
        }
        if (s instanceof IfAst i) {
            return new IfAst(statements(i.conditions()), bodies(i.bodies()), statements(i.elseBody()), i.at());
        }
        if (s instanceof WhileAst w) {
            return new WhileAst(statement(w.condition()), statements(w.body()), w.doLoop(), w.until(), w.label(), w.at());
        }
        if (s instanceof ForAst f) {
            return new ForAst(statement(f.init()), statement(f.condition()), statement(f.iterator()), statements(f.body()),
                    f.label(), f.at());
        }
        if (s instanceof ForEachAst f) {
            return new ForEachAst(f.variable(), statement(f.collection()), statements(f.body()), f.label(), f.at());
        }
        if (s instanceof SwitchAst w) {
            return new SwitchAst(statement(w.value()), w.wildcard(), w.regex(), w.caseSensitive(), expressions(w.patterns()),
                    bodies(w.bodies()), statements(w.defaultBody()), w.label(), w.at());
        }
        if (s instanceof TryAst t) {
            return new TryAst(statements(t.body()), t.catchTypes(), bodies(t.catchBodies()), statements(t.finallyBody()), t.at());
        }
        if (s instanceof ChainAst c) {
            return new ChainAst(statement(c.left()), c.and(), statement(c.right()), c.at());
        }
        if (s instanceof TrapAst t) {
            return new TrapAst(t.types(), block(t.body()), t.at());
        }
        if (s instanceof FlowAst f) {
            return new FlowAst(f.keyword(), statement(f.value()), f.label(), f.at());
        }
        if (s instanceof FunctionAst f) {
            return new FunctionAst(f.name(), block(f.body()), f.at());
        }
        if (s instanceof ScriptBlockAst b) {
            return block(b);
        }
        throw new IllegalStateException("No rewrite for " + s.getClass().getSimpleName());
    }

    private CommandAst command(CommandAst c) {
        List<Node> args = new ArrayList<>();
        for (Node a : c.arguments()) {
            if (a instanceof CommandParameterAst p) {
                args.add(p.argument() == null ? p : new CommandParameterAst(p.name(), expression(p.argument()), p.colon(), p.at()));
            } else {
                args.add(expression((Expression) a));
            }
        }
        return new CommandAst(expression(c.name()), args, c.invoked(), c.at());
    }

    final Expression expression(Expression e) {
        if (e instanceof ConstantAst || e instanceof VariableAst || e instanceof TypeAst) {
            return e;
        }
        if (e instanceof ExpandableStringAst s) {
            List<Object> parts = new ArrayList<>();
            for (Object part : s.parts()) {
                parts.add(part instanceof Expression x ? expression(x) : part);
            }
            return new ExpandableStringAst(parts, s.at());
        }
        if (e instanceof BinaryAst b) {
            return new BinaryAst(b.operator(), b.casePrefix(), expression(b.left()), expression(b.right()), b.at());
        }
        if (e instanceof UnaryAst u) {
            return new UnaryAst(u.operator(), expression(u.operand()), u.postfix(), u.at());
        }
        if (e instanceof ConvertAst c) {
            return new ConvertAst(c.typeName(), expression(c.operand()), c.at());
        }
        if (e instanceof MemberAst m) {
            return new MemberAst(expression(m.target()), expression(m.member()), m.isStatic(), m.at());
        }
        if (e instanceof InvokeMemberAst m) {
            return new InvokeMemberAst(expression(m.target()), expression(m.member()), expressions(m.arguments()),
                    m.isStatic(), m.at());
        }
        if (e instanceof IndexAst i) {
            return new IndexAst(expression(i.target()), expression(i.index()), i.at());
        }
        if (e instanceof ArrayLiteralAst a) {
            return new ArrayLiteralAst(expressions(a.elements()), a.at());
        }
        if (e instanceof SubExpressionAst s) {
            return new SubExpressionAst(statements(s.statements()), s.array(), s.at());
        }
        if (e instanceof ParenAst p) {
            return new ParenAst(statement(p.statement()), p.at());
        }
        if (e instanceof HashtableAst h) {
            return new HashtableAst(expressions(h.keys()), statements(h.values()), h.at());
        }
        if (e instanceof ScriptBlockExpressionAst s) {
            return new ScriptBlockExpressionAst(block(s.block()), s.at());
        }
        if (e instanceof StatementExpressionAst s) {
            return new StatementExpressionAst(statement(s.statement()), s.at());
        }
        throw new IllegalStateException("No rewrite for " + e.getClass().getSimpleName());
    }
}
