package org.drizzle.cmdlets.utility;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.drizzle.cmdlets.utility.SelectStringCommand.MatchInfo;

/**
 * Select-String -Context: collects the lines around each match as PowerShell 7 does. PreContext and
 * PostContext are the N lines before and M lines after, whatever they are (other matches included);
 * DisplayPreContext and DisplayPostContext, which the printed form uses, never repeat a line another
 * match shows: a match's display post-context stops at the next match, and the next match's display
 * pre-context starts after it. A match is released once its M following lines were seen, or at the end.
 */
final class MatchContext {
    private final int pre;
    private final int post;
    private final Deque<String> before = new ArrayDeque<>();
    private final Deque<String> displayBefore = new ArrayDeque<>();
    private final List<Open> open = new ArrayList<>();
    private Open displaying;

    private static final class Open {
        final MatchInfo match;
        final List<String> after = new ArrayList<>();
        final List<String> displayAfter = new ArrayList<>();
        final List<String> displayPre;
        final List<String> logicalPre;

        Open(MatchInfo match, List<String> logicalPre, List<String> displayPre) {
            this.match = match;
            this.logicalPre = logicalPre;
            this.displayPre = displayPre;
        }

        MatchInfo close() {
            match.setContext(logicalPre, after, displayPre, displayAfter);
            return match;
        }
    }

    MatchContext(int pre, int post) {
        this.pre = pre;
        this.post = post;
    }

    /** One input line, with its MatchInfo when it matched; returns the matches now complete, in order. */
    List<MatchInfo> line(String text, MatchInfo match) {
        for (Open o : open) {
            o.after.add(text);
        }
        boolean shownAfter = false;
        if (match == null && displaying != null && displaying.displayAfter.size() < post) {
            displaying.displayAfter.add(text);
            shownAfter = true;
        }
        if (match != null) {
            open.add(new Open(match, List.copyOf(before), List.copyOf(displayBefore)));
            displayBefore.clear();
            displaying = open.get(open.size() - 1);
        } else if (!shownAfter) {
            push(displayBefore, text);
        }
        push(before, text);
        List<MatchInfo> done = new ArrayList<>();
        while (!open.isEmpty() && open.get(0).after.size() >= post) {
            done.add(open.remove(0).close());
        }
        return done;
    }

    /** Whether a match still waits for the lines after it. */
    boolean waiting() {
        return !open.isEmpty();
    }

    /** The end of the input: the matches still open, with what context there was. */
    List<MatchInfo> finish() {
        List<MatchInfo> done = new ArrayList<>();
        open.forEach(o -> done.add(o.close()));
        open.clear();
        return done;
    }

    private void push(Deque<String> window, String text) {
        if (pre == 0) {
            return;
        }
        if (window.size() == pre) {
            window.removeFirst();
        }
        window.addLast(text);
    }
}
