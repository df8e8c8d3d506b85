package org.drizzle.cmdlets.management;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into arguments at blanks outside double quotes; {@code \"} is a literal quote. */
final class CommandLine {
    private CommandLine() {
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                current.append('"');
                any = true;
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(current.toString());
        }
        return out;
    }
}
