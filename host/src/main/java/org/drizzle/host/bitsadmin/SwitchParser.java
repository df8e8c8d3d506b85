package org.drizzle.host.bitsadmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Parses a switch's arguments with Commons CLI. bitsadmin writes sub-switches as
 * {@code /NAME} in any case and mixes them with positional arguments, which on Linux are often
 * absolute paths ({@code /tmp/a.iso}). So only a token that names one of this switch's
 * modifiers, ignoring case, becomes an option; every other token, whatever it starts with, is
 * handed to the parser as an opaque placeholder and restored afterwards, so a path or a display
 * name such as {@code -x} is never mistaken for an option.
 */
final class SwitchParser {
    private static final char MARK = '\u0000';

    private SwitchParser() {
    }

    /** The parsed modifiers and positional arguments, in order. */
    record Parsed(CommandLine modifiers, List<String> args, List<String> originals) {
        boolean has(String modifier) {
            return modifiers.hasOption(modifier);
        }

        String value(String modifier) {
            String v = modifiers.getOptionValue(modifier);
            return v == null ? null : restore(v, originals);
        }
    }

    static Parsed parse(Options modifiers, List<String> tokens) throws ParseException {
        List<String> mapped = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            Option o = t.length() > 1 && t.charAt(0) == '/' ? find(modifiers, t.substring(1)) : null;
            mapped.add(o != null ? "-" + o.getOpt() : MARK + Integer.toString(i));
        }
        CommandLine cl = DefaultParser.builder().setStripLeadingAndTrailingQuotes(false).get()
                .parse(modifiers, mapped.toArray(String[]::new), false);
        List<String> args = cl.getArgList().stream().map(a -> restore(a, tokens)).toList();
        return new Parsed(cl, args, tokens);
    }

    private static Option find(Options modifiers, String name) {
        for (Option o : modifiers.getOptions()) {
            if (o.getOpt().equals(name.replace("-", "").toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        return null;
    }

    private static String restore(String placeholder, List<String> originals) {
        return originals.get(Integer.parseInt(placeholder.substring(1)));
    }
}
