package org.drizzle.host;

import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.CommonParameters;
import org.drizzle.cmdlets.api.ParameterMetadata;
import org.drizzle.engine.job.Names;
import org.drizzle.host.runtime.Session;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the commands' own declarations: command names and aliases at a command
 * position, {@code -Parameter} names of the current command, the values of an enum or
 * ValidateSet parameter after its name, and {@code $variables}.
 */
final class ReplCompleter implements Completer {
    private final Session session;

    ReplCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        String word = line.word();
        List<String> words = line.words().subList(0, line.wordIndex());
        if (word.startsWith("$")) {
            session.variableNames().forEach(v -> out.add(new Candidate("$" + v)));
            return;
        }
        CommandMetadata command = currentCommand(words);
        if (command == null || word.isEmpty() && words.isEmpty()) {
            session.registry().names().forEach(n -> out.add(new Candidate(n)));
            session.registry().aliases().keySet().forEach(a -> out.add(new Candidate(a)));
            return;
        }
        if (word.startsWith("-")) {
            command.parameters().forEach(p -> out.add(new Candidate("-" + p.name(), "-" + p.name(), null, p.help(), null, null, true)));
            CommonParameters.ALL.forEach(p -> out.add(new Candidate("-" + p.name())));
            return;
        }
        String previous = words.isEmpty() ? "" : words.get(words.size() - 1);
        if (previous.startsWith("-")) {
            for (ParameterMetadata p : command.parameters()) {
                if (p.name().toLowerCase(Locale.ROOT).startsWith(previous.substring(1).toLowerCase(Locale.ROOT))) {
                    values(p).forEach(v -> out.add(new Candidate(v)));
                }
            }
        }
    }

    private static List<String> values(ParameterMetadata p) {
        if (!p.validateSet().isEmpty()) {
            return p.validateSet();
        }
        Class<?> t = p.elementType() != null ? p.elementType() : p.type();
        if (t.isEnum()) {
            return java.util.Arrays.stream(t.getEnumConstants()).map(e -> Names.pascal(((Enum<?>) e).name())).toList();
        }
        return List.of();
    }

    /** The command whose arguments the cursor is in: the word after the last '|' or ';'. */
    private CommandMetadata currentCommand(List<String> words) {
        String name = null;
        boolean expectName = true;
        for (String w : words) {
            if (w.equals("|") || w.equals(";") || w.endsWith("|") || w.equals("{") || w.equals("(")) {
                expectName = true;
                name = null;
            } else if (expectName) {
                name = w;
                expectName = false;
            }
        }
        return name == null ? null : session.registry().find(name).orElse(null);
    }
}
