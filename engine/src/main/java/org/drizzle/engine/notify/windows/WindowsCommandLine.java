package org.drizzle.engine.notify.windows;

import java.util.List;

/**
 * Joins arguments into one Windows command line that CommandLineToArgvW (and the C runtime)
 * splits back into the same arguments: quotes where needed, backslashes doubled only before
 * a quote. The first argument is the program path, as BITS passes it.
 */
public final class WindowsCommandLine {
    private WindowsCommandLine() {
    }

    public static String join(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String arg : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            quote(arg, sb);
        }
        return sb.toString();
    }

    static void quote(String arg, StringBuilder sb) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\n')) {
            sb.append(arg);
            return;
        }
        sb.append('"');
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                sb.append("\\".repeat(backslashes * 2 + 1));
            } else {
                sb.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            sb.append(c);
        }
        sb.append("\\".repeat(backslashes * 2)).append('"');
    }
}
