package org.drizzle.cmdlets.dotnet;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.UUID;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** [guid], [version] and [uri]: small value types with Parse, constructors and casts. */
final class ValueTypes {
    private static final UUID EMPTY = new UUID(0, 0);

    private ValueTypes() {
    }

    static List<TypeAdapter> adapters() {
        TypeAdapter guid = TypeAdapter.builder("System.Guid")
                .constant("Empty", EMPTY)
                .method("NewGuid", 0, a -> UUID.randomUUID())
                .method("Parse", 1, a -> toGuid(a.get(0)))
                .constructor(1, a -> toGuid(a.get(0)))
                .instances(UUID.class::isInstance)
                .converter(v -> v == null ? null : toGuid(v))
                .build();
        TypeAdapter version = TypeAdapter.builder("System.Version")
                .method("Parse", 1, a -> DotNetVersion.parse(LanguagePrimitives.toStr(a.get(0))))
                .constructor(1, a -> DotNetVersion.parse(LanguagePrimitives.toStr(a.get(0))))
                .constructor(2, a -> new DotNetVersion(i(a, 0), i(a, 1), -1, -1))
                .constructor(3, a -> new DotNetVersion(i(a, 0), i(a, 1), i(a, 2), -1))
                .constructor(4, a -> new DotNetVersion(i(a, 0), i(a, 1), i(a, 2), i(a, 3)))
                .instances(DotNetVersion.class::isInstance)
                .converter(v -> v == null || v instanceof DotNetVersion ? v : DotNetVersion.parse(LanguagePrimitives.toStr(v)))
                .build();
        TypeAdapter uri = TypeAdapter.builder("System.Uri")
                .method("IsWellFormedUriString", 2, a -> wellFormed(LanguagePrimitives.toStr(a.get(0))))
                .method("EscapeDataString", 1, a -> java.net.URLEncoder.encode(LanguagePrimitives.toStr(a.get(0)),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .method("UnescapeDataString", 1, a -> java.net.URLDecoder.decode(LanguagePrimitives.toStr(a.get(0))
                        .replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
                .constructor(1, a -> toUri(a.get(0)))
                .constructor(2, a -> toUri(a.get(0)).resolve(LanguagePrimitives.toStr(a.get(1))))
                .instances(URI.class::isInstance)
                .converter(v -> v == null ? null : toUri(v))
                .build();
        return List.of(guid, version, uri);
    }

    private static int i(List<Object> a, int index) {
        return LanguagePrimitives.toInt(a.get(index));
    }

    private static UUID toGuid(Object v) {
        try {
            return LanguagePrimitives.toGuid(v);
        } catch (RuntimeException e) {
            throw DotNetException.cannotConvert(v, "System.Guid", e.getMessage());
        }
    }

    /** [uri]'text': absolute or relative; backslashes of a UNC or drive path are not URIs and are refused. */
    static URI toUri(Object v) {
        if (v instanceof URI u) {
            return u;
        }
        String s = LanguagePrimitives.toStr(v).trim();
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw DotNetException.cannotConvert(v, "System.Uri", "Invalid URI: " + e.getReason() + ".");
        }
    }

    private static boolean wellFormed(String s) {
        try {
            return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
