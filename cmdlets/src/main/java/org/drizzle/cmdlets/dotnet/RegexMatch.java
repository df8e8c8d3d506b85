package org.drizzle.cmdlets.dotnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A System.Text.RegularExpressions.Match: Success, Value, Index, Length and Groups (group 0 is
 * the whole match; {@code $m.Groups[1]} and {@code $m.Groups['name']} index {@link GroupCollection}).
 */
public record RegexMatch(boolean success, String value, int index, int length, GroupCollection groups) {

    /** One capture group: Success, Value, Index, Length and Name. */
    public record Group(String name, boolean success, String value, int index, int length) {
        @Override
        public String toString() {
            return value;
        }
    }

    static final RegexMatch EMPTY = new RegexMatch(false, "", 0, 0, new GroupCollection(List.of(new Group("0", false, "", 0, 0))));

    static RegexMatch of(Matcher m, Pattern p) {
        List<String> names = groupNames(p.pattern(), m.groupCount());
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i <= m.groupCount(); i++) {
            boolean ok = m.start(i) >= 0;
            String name = names.get(i) == null ? String.valueOf(i) : names.get(i);
            groups.add(new Group(name, ok, ok ? m.group(i) : "", ok ? m.start(i) : 0, ok ? m.end(i) - m.start(i) : 0));
        }
        return new RegexMatch(true, m.group(), m.start(), m.end() - m.start(), new GroupCollection(groups));
    }

    /** Names of the capturing groups by number (null when unnamed), read from the pattern text. */
    static List<String> groupNames(String pattern, int count) {
        List<String> names = new ArrayList<>(Collections.nCopies(count + 1, null));
        int group = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' && !pattern.startsWith("(?", i)) {
                group++;
            } else if (c == '(' && pattern.startsWith("(?<", i) && i + 3 < pattern.length()
                    && Character.isLetter(pattern.charAt(i + 3))) {
                int end = pattern.indexOf('>', i);
                if (++group <= count && end > 0) {
                    names.set(group, pattern.substring(i + 3, end));
                }
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return value;
    }
}
