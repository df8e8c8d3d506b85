package org.drizzle.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drizzle.host.ast.CommentHelp;
import org.drizzle.host.lex.Comment;
import org.drizzle.host.lex.Lexer;

/**
 * Finds comment-based help where PowerShell looks for it (its HelpCommentsParser). Comments on
 * consecutive lines form one block, whether {@code <# #>} or {@code #} lines; a blank line starts
 * a new block. A function's help is the block ending right above its {@code function} keyword
 * (at most one blank line between), else the first help block at the start of its body, else the
 * block at the end of its body. A script's help is the first help block at its top - unless its
 * first statement is a function within one blank line below that block, whose help it then is -
 * else the block at its end. Blocks that are not help ({@link CommentHelp#parse}) are passed over.
 */
final class HelpComments {
    /** How many lines above a function keyword or parameter its help block may end (one blank line between). */
    private static final int PROXIMITY = 2;

    private final Lexer lexer;
    private final String src;

    HelpComments(Lexer lexer) {
        this.lexer = lexer;
        this.src = lexer.source();
    }

    /** Help in the block ending just above {@code keywordStart} (a function or filter keyword), or null. */
    CommentHelp beforeKeyword(int keywordStart) {
        return help(blockBefore(keywordStart, line(keywordStart) - PROXIMITY));
    }

    /** Help of a function body or script block running from {@code from} to {@code to}. */
    CommentHelp body(int from, int to) {
        return leadingOrTrailing(from, to, -1);
    }

    /**
     * Help of a whole script ending at {@code to}; {@code firstFunctionLine} is the line of the
     * function definition that is the script's first statement, or -1 when it starts otherwise.
     */
    CommentHelp script(int to, int firstFunctionLine) {
        return leadingOrTrailing(0, to, firstFunctionLine);
    }

    /**
     * A parameter's description, from the comments right above it (within one blank line),
     * inside it and right after it, as PowerShell collects them; "" when there are none.
     */
    String parameter(int start, int end) {
        List<String> lines = new ArrayList<>();
        blockBefore(start, line(start) - PROXIMITY).forEach(c -> lines.addAll(c.lines()));
        lexer.comments().subMap(start, true, end, false).values().forEach(c -> lines.addAll(c.lines()));
        Block after = blockAt(end);
        if (after != null) {
            after.comments.forEach(c -> lines.addAll(c.lines()));
        }
        return CommentHelp.section(lines);
    }

    private CommentHelp leadingOrTrailing(int from, int to, int firstFunctionLine) {
        int at = from;
        for (Block b = blockAt(at); b != null; b = blockAt(at)) {
            CommentHelp h = help(b.comments);
            if (h != null) {
                if (firstFunctionLine > 0 && firstFunctionLine - b.endLine() <= PROXIMITY) {
                    break;
                }
                return h;
            }
            at = b.end;
        }
        return help(blockBefore(to, Integer.MIN_VALUE));
    }

    /** A block of comments and the offset just after its last comment. */
    private record Block(List<Comment> comments, int end, int endLine) {
    }

    /** The block starting at the first non-blank character from {@code from}, or null if a token comes first. */
    private Block blockAt(int from) {
        List<Comment> run = new ArrayList<>();
        int at = skipBlank(from);
        Comment c = lexer.comments().get(at);
        while (c != null) {
            run.add(c);
            at = skipBlank(c.end());
            Comment next = lexer.comments().get(at);
            c = next != null && line(next.start()) <= lastLine(run) + 1 ? next : null;
        }
        return run.isEmpty() ? null : new Block(run, run.get(run.size() - 1).end(), lastLine(run));
    }

    /**
     * The block that ends right before {@code to} (only blanks between), its last comment ending
     * on line {@code minEndLine} or later; empty when there is none.
     */
    private List<Comment> blockBefore(int to, int minEndLine) {
        List<Comment> run = new ArrayList<>();
        int at = to;
        int min = minEndLine;
        while (true) {
            int p = at;
            while (p > 0 && Character.isWhitespace(src.charAt(p - 1))) {
                p--;
            }
            Map.Entry<Integer, Comment> e = p == 0 ? null : lexer.comments().floorEntry(p - 1);
            if (e == null || e.getValue().end() < p || line(e.getValue().end() - 1) < min) {
                break;
            }
            Comment c = e.getValue();
            run.add(0, c);
            min = line(c.start()) - 1;
            at = c.start();
        }
        return run;
    }

    private CommentHelp help(List<Comment> block) {
        if (block.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        block.forEach(c -> lines.addAll(c.lines()));
        return CommentHelp.parse(lines);
    }

    private int skipBlank(int from) {
        int i = from;
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private int lastLine(List<Comment> run) {
        Comment last = run.get(run.size() - 1);
        return line(Math.max(last.start(), last.end() - 1));
    }

    private int line(int offset) {
        return lexer.position(offset).line();
    }
}
