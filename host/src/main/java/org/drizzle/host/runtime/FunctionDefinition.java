package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.ParameterMetadata;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.host.ast.ArrayLiteralAst;
import org.drizzle.host.ast.AttributeAst;
import org.drizzle.host.ast.CommentHelp;
import org.drizzle.host.ast.ConstantAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.ParameterAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.ast.VariableAst;

/**
 * A script function (or a script's own param block): its compiled block and the command
 * metadata built from {@code param()}, so it binds, completes and shows help like a cmdlet.
 * Functions without [CmdletBinding()] or [Parameter()] collect extra positional arguments in $args.
 */
record FunctionDefinition(String name, CompiledUnit unit, int block, CommandMetadata metadata, boolean simple) {
    /** The hidden parameter that gathers $args for simple functions. */
    static final String REMAINING = "__Args";

    static FunctionDefinition of(String name, CompiledUnit unit, int block) {
        ScriptBlockAst ast = unit.ast(block);
        return new FunctionDefinition(name, unit, block, metadata(name, ast), !isAdvanced(ast));
    }

    /**
     * The command metadata of a function or script body: parameters from param() (described by
     * .PARAMETER sections or the comments around them) and the rest of its comment-based help.
     */
    static CommandMetadata metadata(String name, ScriptBlockAst ast) {
        boolean advanced = isAdvanced(ast);
        CommentHelp help = ast.help() == null ? CommentHelp.NONE : ast.help();
        List<ParameterMetadata> params = new ArrayList<>();
        int position = 0;
        for (ParameterAst p : ast.parameters()) {
            params.add(parameter(p, position, help.parameters().getOrDefault(p.name(), p.help())));
            if (!isSwitch(p) && explicitPosition(p) < 0) {
                position++;
            }
        }
        if (!advanced) {
            params.add(ParameterMetadata.builder(REMAINING).type(Object[].class).elementType(Object.class)
                    .valueFromRemainingArguments(true).hidden(true).build());
        }
        boolean shouldProcess = ast.attributes().stream().anyMatch(a -> a.name().equalsIgnoreCase("CmdletBinding")
                && a.named().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("SupportsShouldProcess")));
        List<CommandMetadata.ExampleInfo> examples = help.examples().stream()
                .map(e -> new CommandMetadata.ExampleInfo(e.code(), e.remarks())).toList();
        CommandMetadata.HelpSections sections = ast.help() == null ? null
                : new CommandMetadata.HelpSections(help.inputs(), help.outputs(), help.notes(), help.links(),
                        help.component(), help.role(), help.functionality());
        return CommandMetadata.forFunction(name, params, "", shouldProcess, advanced, help.synopsis(),
                help.description(), examples, sections, null);
    }

    /** Functions with [CmdletBinding()] or a [Parameter()] take the common parameters and no $args. */
    private static boolean isAdvanced(ScriptBlockAst ast) {
        return ast.attributes().stream().anyMatch(a -> a.name().equalsIgnoreCase("CmdletBinding"))
                || ast.parameters().stream().anyMatch(p -> p.attributes().stream()
                .anyMatch(a -> a.name().equalsIgnoreCase("Parameter")));
    }

    ScriptBlockAst ast() {
        return unit.ast(block);
    }

    private static boolean isSwitch(ParameterAst p) {
        return p.typeName() != null && p.typeName().equalsIgnoreCase("switch");
    }

    private static int explicitPosition(ParameterAst p) {
        for (AttributeAst a : p.attributes()) {
            if (a.name().equalsIgnoreCase("Parameter")) {
                Object pos = named(a, "Position");
                if (pos != null) {
                    return LanguagePrimitives.toInt(pos);
                }
            }
        }
        return -1;
    }

    private static ParameterMetadata parameter(ParameterAst p, int nextPosition, String description) {
        ParameterMetadata.Builder b = ParameterMetadata.builder(p.name()).help(description)
                .defaultValue(p.defaultValue() instanceof ConstantAst c ? LanguagePrimitives.toStr(c.value())
                        : p.defaultText());
        Class<?> type = p.typeName() == null ? Object.class : TypeResolver.javaType(p.typeName());
        b.type(type);
        if (type.isArray()) {
            b.elementType(type.getComponentType());
        }
        boolean any = false;
        for (AttributeAst a : p.attributes()) {
            switch (a.name().toLowerCase(Locale.ROOT)) {
                case "parameter" -> {
                    int pos = explicitPosition(p);
                    boolean mandatory = LanguagePrimitives.isTrue(named(a, "Mandatory"));
                    boolean byValue = LanguagePrimitives.isTrue(named(a, "ValueFromPipeline"));
                    boolean byName = LanguagePrimitives.isTrue(named(a, "ValueFromPipelineByPropertyName"));
                    Object set = named(a, "ParameterSetName");
                    Object helpMessage = named(a, "HelpMessage");
                    if (helpMessage != null && description.isEmpty()) {
                        b.help(LanguagePrimitives.toStr(helpMessage));
                    }
                    b.inSet(set == null ? null : LanguagePrimitives.toStr(set), new ParameterMetadata.SetInfo(
                            pos >= 0 ? pos : type == boolean.class ? -1 : nextPosition, mandatory, byValue, byName));
                    any = true;
                }
                case "alias" -> a.positional().forEach(x -> LanguagePrimitives.toList(constant(x))
                        .forEach(v -> b.aliases(LanguagePrimitives.toStr(v))));
                case "validateset" -> b.validateSet(a.positional().stream()
                        .flatMap(x -> LanguagePrimitives.toList(constant(x)).stream())
                        .map(LanguagePrimitives::toStr).toArray(String[]::new));
                default -> {
                    // other validation attributes are checked by the runtime when binding
                }
            }
        }
        if (!any) {
            b.position(type == boolean.class ? -1 : nextPosition, false, false, false);
        }
        return b.build();
    }

    private static Object named(AttributeAst a, String key) {
        for (Map.Entry<String, Expression> e : a.named().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return constant(e.getValue());
            }
        }
        return null;
    }

    /** Attribute arguments are literals: numbers, strings, $true/$false, or lists of them. */
    static Object constant(Expression e) {
        if (e instanceof ConstantAst c) {
            return c.value();
        }
        if (e instanceof VariableAst v) {
            return switch (v.name().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> null;
            };
        }
        if (e instanceof ArrayLiteralAst a) {
            List<Object> out = new ArrayList<>();
            a.elements().forEach(x -> out.add(constant(x)));
            return out;
        }
        throw new IllegalArgumentException("Attribute arguments must be constants; found " + e.getClass().getSimpleName()
                + " at " + e.at() + ".");
    }
}
