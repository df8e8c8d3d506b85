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

    public static String render(List<Object> rows, List<Column> columns, int width, boolean autoSize) {
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
                line[c] = Formatter.text(v).replace('\n', ' ');
                w[c] = Math.max(w[c], line[c].length());
            }
            cells.add(line);
        }
        fit(w, Math.max(width, n * (MIN_WIDTH + 1)) - 1, autoSize);
        StringBuilder out = new StringBuilder("\n");
        StringBuilder dashes = new StringBuilder();
        for (int c = 0; c < n; c++) {
            String h = columns.get(c).header();
            out.append(cell(h, w[c], numeric[c], c == n - 1)).append(c == n - 1 ? "" : " ");
            dashes.append(cell("-".repeat(Math.min(h.length(), w[c])), w[c], numeric[c], c == n - 1))
                    .append(c == n - 1 ? "" : " ");
        }
        out.append('\n').append(dashes).append('\n');
        for (String[] line : cells) {
            for (int c = 0; c < n; c++) {
                out.append(cell(line[c], w[c], numeric[c], c == n - 1)).append(c == n - 1 ? "" : " ");
            }
            out.append('\n');
        }
        return out.append('\n').toString().replaceAll(" +\n", "\n");
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
