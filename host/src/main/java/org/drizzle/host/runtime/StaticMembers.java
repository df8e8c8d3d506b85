package org.drizzle.host.runtime;

import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * The few static members whose meaning depends on the running session rather than on the .NET
 * type alone, and so cannot live in the cmdlets module's curated types: [Environment]'s view of
 * the session's environment variables and folder, and [Environment]::Exit ending the script.
 * Every other {@code [X]::Member} goes to {@code org.drizzle.cmdlets.dotnet.DotNetTypes}.
 */
final class StaticMembers {
    /** "Not a session member": let the curated .NET type answer. */
    static final Object NONE = new Object();

    private StaticMembers() {
    }

    static Object get(ScriptRunner rt, String type, String member) {
        if (isEnvironment(type) && member.equalsIgnoreCase("CurrentDirectory")) {
            return rt.session().location().toString();
        }
        return NONE;
    }

    static Object call(ScriptRunner rt, String type, String member, List<Object> args) {
        if (!isEnvironment(type) || args.isEmpty()) {
            return NONE;
        }
        String name = LanguagePrimitives.toStr(args.get(0));
        switch (member.toLowerCase(Locale.ROOT)) {
            case "getenvironmentvariable":
                return rt.session().env(name);
            case "setenvironmentvariable":
                if (args.size() > 2 && !LanguagePrimitives.toStr(args.get(2)).equalsIgnoreCase("Process")) {
                    throw new IllegalArgumentException("[Environment]::SetEnvironmentVariable with target '"
                            + args.get(2) + "' is not supported by Drizzle: only the Process target (this session) is.");
                }
                rt.setVariable("env:" + name, args.size() > 1 ? args.get(1) : null);
                return null;
            case "exit":
                throw new ExitException(LanguagePrimitives.toInt(args.get(0)));
            default:
                return NONE;
        }
    }

    private static boolean isEnvironment(String type) {
        return TypeResolver.normalise(type).equals("environment");
    }
}
