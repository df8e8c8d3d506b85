package org.drizzle.host.runtime;

import java.util.List;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PSCustomObject;

/** {@code [type]::new(...)}: the curated .NET types that scripts construct. */
final class NewObject {
    private NewObject() {
    }

    static Object create(ScriptRuntime rt, String type, List<Object> args) {
        String t = TypeResolver.normalise(type);
        switch (t) {
            case "diagnostics.stopwatch":
                return new Stopwatch();
            case "collections.arraylist", "collections.generic.list[string]", "collections.generic.list[object]",
                 "collections.generic.list[psobject]":
                return new java.util.ArrayList<>();
            case "collections.hashtable", "hashtable", "collections.specialized.ordereddictionary":
                return new Hashtable();
            case "pscustomobject", "psobject":
                return new PSCustomObject();
            case "text.stringbuilder":
                return new StringBuilder(args.isEmpty() ? "" : LanguagePrimitives.toStr(args.get(0)));
            case "timespan":
                if (args.size() == 3) {
                    return java.time.Duration.ofHours(LanguagePrimitives.toLong(args.get(0)))
                            .plusMinutes(LanguagePrimitives.toLong(args.get(1))).plusSeconds(LanguagePrimitives.toLong(args.get(2)));
                }
                break;
            default:
                break;
        }
        if (args.size() == 1) {
            return TypeResolver.cast(type, args.get(0));
        }
        throw new IllegalArgumentException("Cannot create an object of type [" + type + "]: not supported by Drizzle.");
    }
}
