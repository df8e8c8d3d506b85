package org.drizzle.cmdlets.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders Get-Help text and Markdown docs from a command's metadata, section by section
 * (NAME, SYNOPSIS, SYNTAX per parameter set, DESCRIPTION, PARAMETERS, EXAMPLES, ...), so help
 * can never disagree with what the binder accepts. Cmdlets, script functions and scripts share
 * the layout and the views of Get-Help ({@link HelpView}); functions and scripts add the
 * sections their comment-based help carries.
 */
public final class HelpWriter {
    private HelpWriter() {
    }

    /** One syntax line per parameter set, as Get-Help and Get-Command -Syntax print them. */
    public static List<String> syntax(CommandMetadata m) {
        return syntax(m, m.takesCommonParameters());
    }

    private static List<String> syntax(CommandMetadata m, boolean commonParameters) {
        List<String> lines = new ArrayList<>();
        for (String set : m.parameterSets()) {
            StringBuilder b = new StringBuilder(m.name());
            for (ParameterMetadata p : ordered(m, set)) {
                b.append(' ').append(usage(p, p.in(set)));
            }
            if (m.supportsShouldProcess()) {
                b.append(" [-WhatIf] [-Confirm]");
            }
            if (commonParameters) {
                b.append(" [<CommonParameters>]");
            }
            lines.add(b.toString());
        }
        return lines;
    }

    /** Positional parameters by position, then mandatory named ones, then the rest as declared. */
    private static List<ParameterMetadata> ordered(CommandMetadata m, String set) {
        List<ParameterMetadata> in = m.parametersIn(set).stream().filter(p -> !p.isHidden()).toList();
        List<ParameterMetadata> out = new ArrayList<>(in.stream().filter(p -> p.in(set).position() >= 0)
                .sorted(Comparator.comparingInt(p -> p.in(set).position())).toList());
        in.stream().filter(p -> p.in(set).position() < 0 && p.in(set).mandatory()).forEach(out::add);
        in.stream().filter(p -> !out.contains(p)).forEach(out::add);
        return out;
    }

    private static String usage(ParameterMetadata p, ParameterMetadata.SetInfo s) {
        if (p.isSwitch()) {
            return "[-" + p.name() + "]";
        }
        String value = p.validateSet().isEmpty() ? "<" + p.typeName() + ">"
                : "{" + String.join(" | ", p.validateSet()) + "}";
        String name = s.position() >= 0 ? "[-" + p.name() + "]" : "-" + p.name();
        String both = name + " " + value;
        return s.mandatory() ? both : "[" + both + "]";
    }

    /** The complete help (Get-Help -Full). */
    public static String help(CommandMetadata m) {
        return help(m, HelpView.FULL);
    }

    /**
     * The Get-Help text of one view, section by section as PowerShell orders them: NAME, SYNOPSIS,
     * SYNTAX, DESCRIPTION, PARAMETERS, INPUTS, OUTPUTS, NOTES, EXAMPLES, RELATED LINKS, REMARKS;
     * empty sections are left out. A function or script without a help block gets PowerShell's
     * generated help instead: NAME, SYNTAX (and PARAMETERS), ALIASES and REMARKS, both "None".
     */
    public static String help(CommandMetadata m, HelpView view) {
        StringBuilder b = new StringBuilder();
        b.append("NAME\n    ").append(m.name()).append("\n\n");
        if (!m.hasHelp()) {
            section(b, "SYNTAX", String.join("\n\n", syntax(m)));
            if (view == HelpView.DETAILED || view == HelpView.FULL) {
                parameters(b, m, view == HelpView.FULL, m.takesCommonParameters());
            }
            return b.append("ALIASES\n    None\n\nREMARKS\n    None\n\n").toString();
        }
        section(b, "SYNOPSIS", m.synopsis());
        if (view == HelpView.EXAMPLES) {
            return b.append(examples(m)).toString();
        }
        boolean common = m.takesCommonParameters() || m.isScriptCommand();
        section(b, "SYNTAX", String.join("\n\n", syntax(m, common)));
        section(b, "DESCRIPTION", m.description());
        if (view != HelpView.DEFAULT) {
            parameters(b, m, view == HelpView.FULL, common);
        }
        CommandMetadata.HelpSections more = m.helpSections();
        if (view == HelpView.FULL) {
            section(b, "INPUTS", String.join("\n\n", more.inputs()));
            section(b, "OUTPUTS", String.join("\n\n", more.outputs()));
            section(b, "NOTES", more.notes());
        }
        if (view != HelpView.DEFAULT) {
            b.append(examples(m));
        }
        if (view != HelpView.DETAILED) {
            section(b, "RELATED LINKS", String.join("\n", more.links()));
        }
        if (view != HelpView.FULL) {
            remarks(b, m, view);
        }
        return b.toString();
    }

    private static void parameters(StringBuilder b, CommandMetadata m, boolean attributes, boolean common) {
        List<ParameterMetadata> shown = m.parameters().stream().filter(p -> !p.isHidden()).toList();
        if (shown.isEmpty() && !common) {
            return;
        }
        b.append("PARAMETERS\n");
        for (ParameterMetadata p : shown) {
            b.append(attributes ? parameter(m, p) : header(m, p) + description(p) + "\n");
        }
        if (common) {
            b.append("    <CommonParameters>\n        This cmdlet supports the common parameters: ")
                    .append(CommonParameters.ALL.stream().filter(c -> !CommonParameters.SHOULD_PROCESS.contains(c.name()))
                            .map(ParameterMetadata::name).collect(Collectors.joining(", "))).append(".\n\n");
        }
    }

    /** How to see the other views; a view does not point to itself. */
    private static void remarks(StringBuilder b, CommandMetadata m, HelpView view) {
        b.append("REMARKS\n");
        if (!m.examples().isEmpty()) {
            b.append("    To see the examples, type: \"Get-Help ").append(m.name()).append(" -Examples\"\n");
        }
        if (view == HelpView.DEFAULT) {
            b.append("    For more information, type: \"Get-Help ").append(m.name()).append(" -Detailed\"\n");
        }
        b.append("    For technical information, type: \"Get-Help ").append(m.name()).append(" -Full\"\n\n");
    }

    /** The numbered examples, each as its code after a prompt and then its remarks. */
    private static String examples(CommandMetadata m) {
        StringBuilder b = new StringBuilder();
        int n = 1;
        for (CommandMetadata.ExampleInfo e : m.examples()) {
            b.append("    -------------------------- EXAMPLE ").append(n++).append(" --------------------------\n\n")
                    .append(indent("PS> " + e.code(), "    ")).append("\n\n");
            if (!e.remarks().isEmpty()) {
                b.append(indent(e.remarks(), "    ")).append("\n\n");
            }
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title, String text) {
        if (!text.isEmpty()) {
            b.append(title).append("\n").append(indent(text, "    ")).append("\n\n");
        }
    }

    /** Prefixes every non-empty line (comment-based help sections span several lines). */
    private static String indent(String text, String pad) {
        return text.lines().map(l -> l.isBlank() ? "" : pad + l).collect(Collectors.joining("\n"));
    }

    /** {@code -Name <Type>}; a script's switch is {@code -Name [<SwitchParameter>]}, as PowerShell writes it. */
    private static String header(CommandMetadata m, ParameterMetadata p) {
        return m.isScriptCommand() && p.isSwitch() ? "    -" + p.name() + " [<SwitchParameter>]\n"
                : "    -" + p.name() + " <" + p.typeName() + ">\n";
    }

    private static String description(ParameterMetadata p) {
        return p.help().isEmpty() ? "" : indent(p.help(), "        ") + "\n";
    }

    /**
     * The help entry of one parameter of {@code m} (Get-Help -Parameter, and -Full): a cmdlet's as
     * {@link #parameter(ParameterMetadata)}; a script function's as PowerShell writes it, with
     * positions counted from 1 when the function has a help block (from 0 in generated help).
     */
    public static String parameter(CommandMetadata m, ParameterMetadata p) {
        if (!m.isScriptCommand()) {
            return parameter(p);
        }
        ParameterMetadata.SetInfo s = p.sets().values().iterator().next();
        String position = s.position() < 0 ? "named" : String.valueOf(s.position() + (m.hasHelp() ? 1 : 0));
        String pipeline = pipeline(s);
        return header(m, p) + description(p) + "\n"
                + "        Required?                    " + s.mandatory() + "\n"
                + "        Position?                    " + position + "\n"
                + ("        Default value                " + p.defaultValue()).stripTrailing() + "\n"
                + "        Accept pipeline input?       " + Character.toLowerCase(pipeline.charAt(0)) + pipeline.substring(1) + "\n"
                + "        Accept wildcard characters?  false\n\n";
    }

    /** The help entry of one parameter (Get-Help -Parameter). */
    public static String parameter(ParameterMetadata p) {
        StringBuilder b = new StringBuilder("    -").append(p.name()).append(" <").append(p.typeName()).append(">\n");
        if (!p.help().isEmpty()) {
            b.append(indent(p.help(), "        ")).append("\n");
        }
        if (!p.validateSet().isEmpty()) {
            b.append("        Valid values: ").append(String.join(", ", p.validateSet())).append("\n");
        } else if (p.type().isEnum() || (p.elementType() != null && p.elementType().isEnum())) {
            Class<?> e = p.type().isEnum() ? p.type() : p.elementType();
            b.append("        Valid values: ").append(java.util.Arrays.stream(e.getEnumConstants())
                    .map(c -> org.drizzle.engine.job.Names.pascal(((Enum<?>) c).name()))
                    .collect(Collectors.joining(", "))).append("\n");
        }
        b.append("\n");
        for (var e : p.sets().entrySet()) {
            ParameterMetadata.SetInfo s = e.getValue();
            String set = e.getKey().equals(ParameterMetadata.ALL_SETS) ? "(All)" : e.getKey();
            b.append("        Parameter set?               ").append(set).append("\n");
            b.append("        Required?                    ").append(s.mandatory()).append("\n");
            b.append("        Position?                    ").append(s.position() >= 0 ? s.position() : "named").append("\n");
            b.append("        Accept pipeline input?       ").append(pipeline(s)).append("\n");
        }
        if (!p.aliases().isEmpty()) {
            b.append("        Aliases                      ").append(String.join(", ", p.aliases())).append("\n");
        }
        return b.append("\n").toString();
    }

    private static String pipeline(ParameterMetadata.SetInfo s) {
        if (s.valueFromPipeline() && s.valueFromPipelineByPropertyName()) {
            return "True (ByValue, ByPropertyName)";
        }
        return s.valueFromPipeline() ? "True (ByValue)" : s.valueFromPipelineByPropertyName() ? "True (ByPropertyName)" : "False";
    }

    /** A Markdown page for docs/cmdlets/. */
    public static String markdown(CommandMetadata m) {
        StringBuilder b = new StringBuilder("# ").append(m.name()).append("\n\n").append(m.synopsis()).append("\n\n");
        b.append("## Syntax\n\n```\n");
        syntax(m).forEach(l -> b.append(l).append("\n\n"));
        b.append("```\n\n");
        if (!m.description().isEmpty()) {
            b.append("## Description\n\n").append(m.description()).append("\n\n");
        }
        b.append("## Parameters\n\n```\n");
        m.parameters().forEach(p -> b.append(parameter(p)));
        b.append("```\n\n");
        if (!m.examples().isEmpty()) {
            b.append("## Examples\n\n");
            for (CommandMetadata.ExampleInfo e : m.examples()) {
                b.append("```powershell\n").append(e.code()).append("\n```\n\n").append(e.remarks()).append("\n\n");
            }
        }
        return b.toString();
    }
}
