package org.drizzle.cmdlets.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders Get-Help text and Markdown docs from a command's metadata, section by section
 * (NAME, SYNOPSIS, SYNTAX per parameter set, DESCRIPTION, PARAMETERS, EXAMPLES), so help can
 * never disagree with what the binder accepts.
 */
public final class HelpWriter {
    private HelpWriter() {
    }

    /** One syntax line per parameter set, as Get-Help and Get-Command -Syntax print them. */
    public static List<String> syntax(CommandMetadata m) {
        List<String> lines = new ArrayList<>();
        for (String set : m.parameterSets()) {
            StringBuilder b = new StringBuilder(m.name());
            for (ParameterMetadata p : ordered(m, set)) {
                b.append(' ').append(usage(p, p.in(set)));
            }
            if (m.supportsShouldProcess()) {
                b.append(" [-WhatIf] [-Confirm]");
            }
            lines.add(b.append(" [<CommonParameters>]").toString());
        }
        return lines;
    }

    /** Positional parameters by position, then mandatory named ones, then the rest as declared. */
    private static List<ParameterMetadata> ordered(CommandMetadata m, String set) {
        List<ParameterMetadata> in = m.parametersIn(set);
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

    /** The full Get-Help text. */
    public static String help(CommandMetadata m) {
        StringBuilder b = new StringBuilder();
        b.append("NAME\n    ").append(m.name()).append("\n\n");
        b.append("SYNOPSIS\n    ").append(m.synopsis()).append("\n\n");
        b.append("SYNTAX\n");
        syntax(m).forEach(l -> b.append("    ").append(l).append("\n\n"));
        if (!m.description().isEmpty()) {
            b.append("DESCRIPTION\n    ").append(m.description()).append("\n\n");
        }
        b.append("PARAMETERS\n");
        for (ParameterMetadata p : m.parameters()) {
            b.append(parameter(p));
        }
        b.append("    <CommonParameters>\n        This cmdlet supports the common parameters: ")
                .append(CommonParameters.ALL.stream().filter(c -> !CommonParameters.SHOULD_PROCESS.contains(c.name()))
                        .map(ParameterMetadata::name).collect(Collectors.joining(", "))).append(".\n\n");
        int n = 1;
        for (CommandMetadata.ExampleInfo e : m.examples()) {
            b.append("    -------------------------- EXAMPLE ").append(n++).append(" --------------------------\n\n")
                    .append("    PS> ").append(e.code()).append("\n\n    ").append(e.remarks()).append("\n\n");
        }
        return b.toString();
    }

    /** The help entry of one parameter (Get-Help -Parameter). */
    public static String parameter(ParameterMetadata p) {
        StringBuilder b = new StringBuilder("    -").append(p.name()).append(" <").append(p.typeName()).append(">\n");
        if (!p.help().isEmpty()) {
            b.append("        ").append(p.help()).append("\n");
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
