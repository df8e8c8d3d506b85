package org.drizzle.cmdlets.utility;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relation links of a response's Link header (RFC 8288: {@code <url>; rel="next", <url>; rel="last"}),
 * each resolved against the request's address, as Invoke-RestMethod -FollowRelLink reads them.
 */
final class RelationLinks {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*\"?([^\";]+)\"?");

    private RelationLinks() {
    }

    /** Relation name (lower case; several in one rel each count) to address; empty when there is no Link header. */
    static Map<String, URI> of(Object linkHeader, URI base) {
        Map<String, URI> out = new LinkedHashMap<>();
        if (linkHeader == null) {
            return out;
        }
        Matcher m = LINK.matcher(linkHeader.toString());
        while (m.find()) {
            Matcher rel = REL.matcher(m.group(2));
            if (!rel.find()) {
                continue;
            }
            URI target;
            try {
                target = base.resolve(m.group(1).trim());
            } catch (IllegalArgumentException e) {
                continue; // a link that is no address is no page to follow
            }
            for (String name : rel.group(1).trim().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                out.putIfAbsent(name, target);
            }
        }
        return out;
    }
}
