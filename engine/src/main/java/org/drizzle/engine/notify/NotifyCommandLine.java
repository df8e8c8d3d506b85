package org.drizzle.engine.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * BITS' notify command line as a program receives it, on every platform. A job stores what
 * SetNotifyCmdLine was given: {@code [program]} or {@code [program, parameters]}, where
 * parameters is one Windows command line whose first token names the program again
 * ({@code c:\callback.exe "c:\callback.exe parm1 parm2"}). BITS hands parameters to
 * CreateProcess, so the program sees it split by CommandLineToArgvW; {@link #argv} does the same
 * split here. A list of three or more strings is Drizzle's own already-split form and is passed
 * as given.
 */
public final class NotifyCommandLine {
    private NotifyCommandLine() {
    }

    /** The program's argument vector: the program path, then the parameters' words after their first. */
    public static List<String> argv(List<String> cmdLine) {
        if (cmdLine.size() != 2) {
            return List.copyOf(cmdLine);
        }
        List<String> words = split(cmdLine.get(1));
        List<String> argv = new ArrayList<>();
        argv.add(cmdLine.get(0));
        if (words.size() > 1) {
            argv.addAll(words.subList(1, words.size()));
        }
        return argv;
    }

    /**
     * Splits a command line as CommandLineToArgvW does. The first word is the program name: if
     * it starts with a quote, everything up to the closing quote belongs to it, spaces included;
     * it ends at the next white space, and backslashes are literal in it. In the other words: white space separates words outside quotes;
     * 2n backslashes before a quote give n backslashes and the quote opens or closes a quoted
     * part; 2n+1 backslashes before a quote give n backslashes and a literal quote; backslashes
     * not before a quote are literal; inside quotes, {@code ""} gives a literal quote and ends
     * the quoted part.
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int n = line.length();
        int i = skipBlanks(line, 0);
        if (i >= n) {
            return words;
        }
        StringBuilder first = new StringBuilder();
        if (line.charAt(i) == '"') {
            int end = line.indexOf('"', i + 1);
            first.append(line, i + 1, end < 0 ? n : end);
            i = end < 0 ? n : end + 1;
        }
        while (i < n && !blank(line.charAt(i))) {
            first.append(line.charAt(i++));
        }
        words.add(first.toString());
        i = skipBlanks(line, i);
        while (i < n) {
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            while (i < n && (quoted || !blank(line.charAt(i)))) {
                char c = line.charAt(i);
                if (c == '\\') {
                    int start = i;
                    while (i < n && line.charAt(i) == '\\') {
                        i++;
                    }
                    int slashes = i - start;
                    if (i < n && line.charAt(i) == '"') {
                        word.append("\\".repeat(slashes / 2));
                        if (slashes % 2 == 1) {
                            word.append('"');
                            i++;
                        }
                    } else {
                        word.append("\\".repeat(slashes));
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < n && line.charAt(i + 1) == '"') {
                        word.append('"');
                        i += 2;
                        quoted = false;
                    } else {
                        quoted = !quoted;
                        i++;
                    }
                } else {
                    word.append(c);
                    i++;
                }
            }
            words.add(word.toString());
            i = skipBlanks(line, i);
        }
        return words;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && blank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }
}
