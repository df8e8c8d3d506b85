package org.drizzle.cmdlets.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders objects as a table: one column per property, widths fitted to the content and
 * then shrunk (widest first) to the terminal width, truncated cells ending in "...", numbers
 * right-aligned.
 */
public final class Table {
    private static final int MIN_WIDTH = 6;

    private Table() {
    }

    /** Format-Table's layout switches: -AutoSize, -Wrap (long cells continue on the next lines) and -HideTableHeaders. */
    public record Options(boolean autoSize, boolean wrap, boolean hideHeaders) {
    }

    public static String render(List<Object> rows, List<Column> columns, int width, boolean autoSize) {
        return render(rows, columns, width, new Options(autoSize, false, false));
    }

    public static String render(List<Object> rows, List<Column> columns, int width, Options options) {
        boolean autoSize = options.autoSize();
        if (columns.isEmpty()) {
            return "";
        }
        int n = columns.size();
        List<String[]> cells = new ArrayList<>();
        boolean[] numeric = new boolean[n];
        java.util.Arrays.fill(numeric, true);
        int[] w = new int[n];
        for (int c = 0; c < n; c++) {
            w[c] = columns.get(c).header().length();
        }
        for (Object row : rows) {
            String[] line = new String[n];
            for (int c = 0; c < n; c++) {
                Object v = columns.get(c).value().apply(row);
                numeric[c] &= v == null || v instanceof Number;
                line[c] = options.wrap() ? Formatter.text(v) : Formatter.text(v).replace('\n', ' ');
                for (String part : line[c].split("\n", -1)) {
                    w[c] = Math.max(w[c], part.length());
                }
            }
            cells.add(line);
        }
        fit(w, Math.max(width, n * (MIN_WIDTH + 1)) - 1, autoSize);
        StringBuilder out = new StringBuilder("\n");
        if (!options.hideHeaders()) {
            StringBuilder dashes = new StringBuilder();
            for (int c = 0; c < n; c++) {
                String h = columns.get(c).header();
                out.append(cell(h, w[c], numeric[c], c == n - 1)).append(c == n - 1 ? "" : " ");
                dashes.append(cell("-".repeat(Math.min(h.length(), w[c])), w[c], numeric[c], c == n - 1))
                        .append(c == n - 1 ? "" : " ");
            }
            endLine(out);
            endLine(out.append(dashes));
        }
        for (String[] line : cells) {
            if (options.wrap()) {
                wrapped(out, line, w, numeric);
                continue;
            }
            for (int c = 0; c < n; c++) {
                out.append(cell(line[c], w[c], numeric[c], c == n - 1)).append(c == n - 1 ? "" : " ");
            }
            endLine(out);
        }
        return out.append('\n').toString();
    }

    /** Ends the line being built, without the padding spaces at its end. */
    private static void endLine(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    /** -Wrap: a row as several lines, each cell cut into pieces of its column's width (and at its own line ends). */
    private static void wrapped(StringBuilder out, String[] line, int[] w, boolean[] numeric) {
        int n = line.length;
        List<List<String>> pieces = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < n; c++) {
            List<String> p = new ArrayList<>();
            for (String part : line[c].split("\n", -1)) {
                for (int at = 0; at < part.length() || at == 0; at += w[c]) {
                    p.add(part.substring(at, Math.min(part.length(), at + w[c])));
                    if (part.isEmpty()) {
                        break;
                    }
                }
            }
            pieces.add(p);
            height = Math.max(height, p.size());
        }
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < n; c++) {
                String t = r < pieces.get(c).size() ? pieces.get(c).get(r) : "";
                out.append(cell(t, w[c], numeric[c], c == n - 1)).append(c == n - 1 ? "" : " ");
            }
            endLine(out);
        }
    }

    /** Shrinks the widest columns until the row (with separators) fits {@code total}. */
    private static void fit(int[] w, int total, boolean autoSize) {
        while (sum(w) + w.length - 1 > total) {
            int widest = 0;
            for (int i = 1; i < w.length; i++) {
                if (w[i] > w[widest]) {
                    widest = i;
                }
            }
            if (w[widest] <= MIN_WIDTH) {
                return;
            }
            w[widest]--;
        }
    }

    private static int sum(int[] w) {
        int s = 0;
        for (int x : w) {
            s += x;
        }
        return s;
    }

    private static String cell(String text, int width, boolean right, boolean last) {
        String t = text.length() <= width ? text : text.substring(0, Math.max(0, width - 3)) + "...";
        if (right) {
            return " ".repeat(width - t.length()) + t;
        }
        return last ? t : t + " ".repeat(width - t.length());
    }
}
