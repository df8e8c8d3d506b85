package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.api.CommandMetadata;

/** Comment-based help ({@code .SYNOPSIS}, {@code .DESCRIPTION}, {@code .EXAMPLE}) read from a script or function. */
record HelpText(String synopsis, String description, List<CommandMetadata.ExampleInfo> examples) {

    static HelpText parse(String comment) {
        if (comment == null) {
            return new HelpText("", "", List.of());
        }
        String synopsis = "";
        String description = "";
        List<CommandMetadata.ExampleInfo> examples = new ArrayList<>();
        String section = null;
        StringBuilder text = new StringBuilder();
        for (String raw : (comment + "\n.END").split("\\R")) {
            String line = raw.strip();
            if (line.startsWith(".") && line.length() > 1 && Character.isLetter(line.charAt(1))) {
                String body = text.toString().strip();
                if (section != null) {
                    switch (section) {
                        case "SYNOPSIS" -> synopsis = body;
                        case "DESCRIPTION" -> description = body;
                        case "EXAMPLE" -> {
                            String[] parts = body.split("\\R", 2);
                            examples.add(new CommandMetadata.ExampleInfo(parts[0].replaceFirst("^PS>\\s*", ""),
                                    parts.length > 1 ? parts[1].strip() : ""));
                        }
                        default -> {
                            // .PARAMETER, .NOTES and others are kept out of the summary
                        }
                    }
                }
                section = line.substring(1).split("\\s+")[0].toUpperCase(Locale.ROOT);
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        return new HelpText(synopsis, description, examples);
    }
}
