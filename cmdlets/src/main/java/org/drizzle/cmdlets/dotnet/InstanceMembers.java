package org.drizzle.cmdlets.dotnet;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;

/**
 * Instance members of values as .NET names them: DateTime ({@code $d.AddMinutes(5)}, {@code .Year}),
 * TimeSpan ({@code .TotalSeconds}), Uri ({@code .Host}), Guid and numbers with
 * {@code ToString(format)}; everything else (strings, collections, PropertyBags, beans such as
 * Stopwatch and WebClient) goes to {@link Members}. The host calls these for every
 * {@code $x.Name} and {@code $x.Name(args)}.
 */
public final class InstanceMembers {
    private InstanceMembers() {
    }

    /** {@code $target.name}; $null for a missing property, as PowerShell (non-strict) does. */
    public static Object getProperty(Object target, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (target instanceof Temporal && !(target instanceof OffsetDateTime)) {
            target = LanguagePrimitives.toDateTime(target);
        }
        if (target instanceof OffsetDateTime d) {
            Object v = DateTimeMembers.property(d, n);
            return v != DateTimeMembers.NONE ? v : null;
        }
        if (target instanceof Duration d) {
            Object v = TimeSpanMembers.property(d, n);
            return v != TimeSpanMembers.NONE ? v : null;
        }
        if (target instanceof URI u) {
            return UriMembers.property(u, n);
        }
        return Members.getProperty(target, name);
    }

    /** True when {@code target} has the property (for Set-StrictMode's unknown-property error). */
    public static boolean hasProperty(Object target, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (target instanceof OffsetDateTime d) {
            return DateTimeMembers.property(d, n) != DateTimeMembers.NONE;
        }
        if (target instanceof Duration d) {
            return TimeSpanMembers.property(d, n) != TimeSpanMembers.NONE;
        }
        if (target instanceof URI) {
            return UriMembers.NAMES.contains(n);
        }
        return Members.hasProperty(target, name);
    }

    /** {@code $target.name(args)}: a DotNetException naming the type and method when there is none. */
    public static Object invokeMethod(Object target, String name, List<Object> args) {
        String n = name.toLowerCase(Locale.ROOT);
        if (target instanceof Temporal && !(target instanceof OffsetDateTime)) {
            target = LanguagePrimitives.toDateTime(target);
        }
        if (target instanceof OffsetDateTime d) {
            return DateTimeMembers.invoke(d, n, name, args);
        }
        if (target instanceof Duration d) {
            return TimeSpanMembers.invoke(d, n, name, args);
        }
        if (n.equals("tostring") && args.size() == 1 && (target instanceof Number || target instanceof java.util.UUID)) {
            return CompositeFormat.formatValue(target, LanguagePrimitives.toStr(args.get(0)));
        }
        return Members.invokeMethod(target, name, args);
    }

    static DotNetException noMethod(String type, String method) {
        return new DotNetException("MethodNotFound", "Method invocation failed because [" + type
                + "] does not contain a method named '" + method + "'.");
    }
}
