package org.drizzle.host.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comment-based help read from one comment block: .SYNOPSIS, .DESCRIPTION, .PARAMETER name,
 * .EXAMPLE (repeatable), .INPUTS, .OUTPUTS, .NOTES, .LINK, .COMPONENT, .ROLE and .FUNCTIONALITY. As in
 * PowerShell, a block is help
 * only when it has at least one keyword line, nothing but blank lines comes before its first
 * keyword, and every line shaped like {@code .WORD} names a known keyword: a {@code .NET} line
 * makes the whole block a plain comment.
 *
 * @param parameters .PARAMETER sections by parameter name, ignoring case (the first one wins)
 * @param examples   each example's code (its first line, prompt removed) and remarks (the rest)
 */
public record CommentHelp(String synopsis, String description, Map<String, String> parameters,
                          List<Example> examples, List<String> inputs, List<String> outputs, String notes,
                          List<String> links, String component, String role, String functionality) {
    /** The help of a command that has no help block. */
    public static final CommentHelp NONE = new CommentHelp("", "", Map.of(), List.of(), List.of(), List.of(), "",
            List.of(), "", "", "");

    /** One .EXAMPLE section. */
    public record Example(String code, String remarks) {
    }

    /** PowerShell's keyword line: {@code .KEYWORD} with an optional argument. */
    private static final Pattern KEYWORD = Pattern.compile("^\\s*\\.(\\w+)(\\s+(\\S.*))?\\s*$");
    private static final Set<String> PLAIN = Set.of("SYNOPSIS", "DESCRIPTION", "NOTES", "LINK", "EXAMPLE", "INPUTS",
            "OUTPUTS", "COMPONENT", "ROLE", "FUNCTIONALITY");
    private static final Set<String> WITH_ARGUMENT = Set.of("PARAMETER", "FORWARDHELPTARGETNAME",
            "FORWARDHELPCATEGORY", "REMOTEHELPRUNSPACE", "EXTERNALHELP");
    private static final Pattern PROMPT = Pattern.compile("^PS\\b[^>]*>\\s*");

    public CommentHelp {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(parameters);
        parameters = Collections.unmodifiableMap(byName);
        examples = List.copyOf(examples);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        links = List.copyOf(links);
    }

    /**
     * The help in a comment block given as its lines (delimiters and leading {@code #} removed),
     * or null if the block is not help.
     */
    public static CommentHelp parse(List<String> lines) {
        String synopsis = "";
        String description = "";
        String notes = "";
        String component = "";
        String role = "";
        String functionality = "";
        Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Example> examples = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<String> links = new ArrayList<>();
        boolean any = false;
        int i = 0;
        while (i < lines.size()) {
            Matcher m = KEYWORD.matcher(lines.get(i));
            if (!m.matches()) {
                if (!lines.get(i).isBlank()) {
                    return null;
                }
                i++;
                continue;
            }
            String keyword = m.group(1).toUpperCase(Locale.ROOT);
            String argument = m.group(3);
            if (argument == null ? !PLAIN.contains(keyword) : !WITH_ARGUMENT.contains(keyword)) {
                return null;
            }
            any = true;
            int end = i + 1;
            while (end < lines.size() && !KEYWORD.matcher(lines.get(end)).matches()) {
                end++;
            }
            String text = section(lines.subList(i + 1, end));
            i = end;
            switch (keyword) {
                case "SYNOPSIS" -> synopsis = text;
                case "DESCRIPTION" -> description = text;
                case "NOTES" -> notes = text;
                case "PARAMETER" -> parameters.putIfAbsent(argument.strip(), text);
                case "EXAMPLE" -> examples.add(example(text));
                case "INPUTS" -> inputs.add(text);
                case "OUTPUTS" -> outputs.add(text);
                case "LINK" -> links.add(text);
                case "COMPONENT" -> component = text.strip();
                case "ROLE" -> role = text.strip();
                case "FUNCTIONALITY" -> functionality = text.strip();
                default -> {
                    // the forwarding keywords are valid but not used
                }
            }
        }
        return any ? new CommentHelp(synopsis, description, parameters, examples, inputs, outputs, notes, links,
                component, role, functionality) : null;
    }

    /**
     * A section's text as PowerShell collects it: blank lines before it skipped, ending at the
     * next keyword-shaped line, each line losing at most as much indentation as its first line had.
     */
    public static String section(List<String> lines) {
        StringBuilder b = new StringBuilder();
        int indent = -1;
        for (String line : lines) {
            if (KEYWORD.matcher(line).matches()) {
                break;
            }
            if (indent < 0) {
                if (line.isBlank()) {
                    continue;
                }
                indent = 0;
                while (indent < line.length() && isIndent(line.charAt(indent))) {
                    indent++;
                }
            }
            int cut = 0;
            while (cut < indent && cut < line.length() && isIndent(line.charAt(cut))) {
                cut++;
            }
            b.append(line.substring(cut).stripTrailing()).append('\n');
        }
        return b.toString().stripTrailing();
    }

    private static boolean isIndent(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    private static Example example(String text) {
        String[] parts = text.split("\\R", 2);
        return new Example(PROMPT.matcher(parts[0].strip()).replaceFirst(""), parts.length > 1 ? parts[1].strip() : "");
    }
}
