package org.drizzle.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * Turns the process arguments after a script path into command arguments, as pwsh does for
 * {@code script.ps1 -Url x -Force 3}: {@code -Name} and {@code -Name:value} are parameter
 * names (the binder pairs a name with the value after it), a plain number is a number, the rest
 * text: a word whose number would print differently ({@code 000123}, a digest of digits, {@code 0x1F})
 * stays the text it was, as pwsh -File passes it to a [string] parameter.
 * Also rebuilds a one-shot command line from several shell words.
 */
final class CommandLineArguments {
    /** The BitsTransfer cmdlets: what they run needs the engine. */
    private static final Pattern BITS_CMDLET = Pattern.compile("(?i)(add|complete|get|remove|resume|set|start|suspend)-bits(file|transfer)");
    /** What could make a command line run anything but its first command: pipes, separators, expressions, variables. */
    private static final Pattern OTHER_CODE = Pattern.compile("[|;&(){}\\[\\]$@`'\"]");

    private CommandLineArguments() {
    }

    /**
     * True when {@code words} are one BitsTransfer cmdlet with literal arguments and nothing
     * else ({@code Get-BitsTransfer -AllUsers}): its engine can open while the host starts,
     * since nothing on the line can run first (bitsadmin, a script) and need the store.
     */
    static boolean oneBitsCmdlet(List<String> words) {
        return !words.isEmpty() && BITS_CMDLET.matcher(words.get(0).strip().split("\\s+", 2)[0]).matches()
                && words.stream().noneMatch(w -> OTHER_CODE.matcher(w).find());
    }

    static List<Object> toArguments(List<String> words) {
        List<Object> out = new ArrayList<>();
        for (String w : words) {
            if (w.length() > 1 && w.startsWith("-") && Character.isLetter(w.charAt(1))) {
                int colon = w.indexOf(':');
                if (colon > 0) {
                    out.add(new Argument(w.substring(1, colon), value(w.substring(colon + 1)), true, false));
                } else {
                    out.add(Argument.named(w.substring(1), Argument.NO_VALUE));
                }
            } else {
                out.add(Argument.positional(value(w)));
            }
        }
        return out;
    }

    private static Object value(String w) {
        if (w.equalsIgnoreCase("$true")) {
            return true;
        }
        if (w.equalsIgnoreCase("$false")) {
            return false;
        }
        Number n = LanguagePrimitives.parseNumber(w);
        return n != null && n.toString().equals(w) ? n : w;
    }

    /**
     * The command line {@code bin/drizzle Get-BitsTransfer -Name 'a b'} stands for: one word is
     * taken as written (it may hold a whole pipeline); several are joined, quoting words the
     * shell had split on, so spaces inside an argument survive.
     */
    static String commandLine(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            boolean plain = !w.isEmpty() && w.chars().noneMatch(c -> Character.isWhitespace(c));
            b.append(plain ? w : "'" + w.replace("'", "''") + "'");
        }
        return b.toString();
    }
}
