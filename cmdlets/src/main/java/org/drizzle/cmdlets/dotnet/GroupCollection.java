package org.drizzle.cmdlets.dotnet;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * Match.Groups: indexable by number or name ({@code $m.Groups[1]}, {@code $m.Groups['file']});
 * a group that does not exist reads as an unsuccessful empty group, as in .NET.
 */
public final class GroupCollection extends AbstractMap<Object, RegexMatch.Group> {
    private final Map<String, RegexMatch.Group> byName = new LinkedHashMap<>();

    GroupCollection(List<RegexMatch.Group> groups) {
        groups.forEach(g -> byName.put(g.name(), g));
    }

    @Override
    public RegexMatch.Group get(Object key) {
        String k = LanguagePrimitives.toStr(key);
        RegexMatch.Group g = byName.get(k);
        return g != null ? g : new RegexMatch.Group(k, false, "", 0, 0);
    }

    @Override
    public boolean containsKey(Object key) {
        return byName.containsKey(LanguagePrimitives.toStr(key));
    }

    @Override
    public Set<Entry<Object, RegexMatch.Group>> entrySet() {
        Map<Object, RegexMatch.Group> copy = new LinkedHashMap<>(byName);
        return copy.entrySet();
    }
}
