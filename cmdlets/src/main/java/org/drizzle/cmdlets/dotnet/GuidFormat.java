package org.drizzle.cmdlets.dotnet;

import java.util.UUID;

/** Guid.ToString(format): "D" (default, dashed), "N" (32 digits), "B" ({braced}), "P" ((parenthesised)). */
final class GuidFormat {
    private GuidFormat() {
    }

    static String format(UUID u, String spec) {
        String d = u.toString();
        return switch (spec == null || spec.isEmpty() ? "D" : spec.toUpperCase(java.util.Locale.ROOT)) {
            case "D" -> d;
            case "N" -> d.replace("-", "");
            case "B" -> "{" + d + "}";
            case "P" -> "(" + d + ")";
            default -> throw new DotNetException("FormatException",
                    "Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\"; got '" + spec + "'.");
        };
    }
}
