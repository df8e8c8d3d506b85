package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.Locale;
import org.drizzle.cmdlets.dotnet.InstanceMembers;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.management.SetStrictModeCommand;

/**
 * {@code $name} as scripts read and write it: the automatic variables computed on each read
 * ($?, $Error, $PSItem, $PWD, $Host), the {@code env:}, {@code global:}, {@code script:} and
 * {@code local:} prefixes, and Set-StrictMode's unset-variable rule. Plain names live in the
 * runner's current scope.
 */
final class Variables {
    private final ScriptRunner runner;

    Variables(ScriptRunner runner) {
        this.runner = runner;
    }

    Object get(String name) {
        Session session = runner.session();
        Scope scope = runner.scope();
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "?":
                return !runner.lastStatementFailed();
            case "error":
                return new ArrayList<>(session.errors());
            case "psitem":
                return scope.get("_");
            case "pwd":
                return new org.drizzle.cmdlets.management.GetLocationCommand.PathInfo(session.location().toString());
            case "host":
                return HostObject.INSTANCE;
            default:
                break;
        }
        int colon = n.indexOf(':');
        if (colon > 0) {
            String prefix = n.substring(0, colon);
            String rest = name.substring(colon + 1);
            switch (prefix) {
                case "env":
                    return session.env(rest.replaceFirst("^[\\\\/]+", "")); // ${Env:\TEMP} is a provider path
                case "global":
                    return session.global().get(rest);
                case "script":
                    return scriptScope().get(rest);
                case "local", "private", "variable":
                    return scope.get(rest);
                case "using":
                    throw new IllegalArgumentException("$using: works only with remote and background jobs, which Drizzle does not run.");
                default:
                    break;
            }
        }
        Object value = scope.get(name);
        if (value == null && strictVersion() >= 1 && !scope.isDefined(name)) {
            throw new IllegalArgumentException("The variable '$" + name + "' cannot be retrieved because it has not been set.");
        }
        return value;
    }

    void set(String name, Object value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("psitem")) {
            n = "_";
        }
        int colon = n.indexOf(':');
        if (colon > 0) {
            String prefix = n.substring(0, colon);
            String rest = name.substring(colon + 1);
            switch (prefix) {
                case "env" -> runner.session().setEnv(rest, value == null ? null : LanguagePrimitives.toStr(value));
                case "global" -> runner.session().global().set(rest, value);
                case "script" -> scriptScope().set(rest, value);
                default -> runner.scope().set(rest, value);
            }
            return;
        }
        runner.scope().set(n.equals("_") ? "_" : name, value);
    }

    /** The innermost enclosing script's top-level scope; global for commands typed at the prompt or -Command. */
    private Scope scriptScope() {
        Scope s = runner.scope();
        while (s.parent() != null && !s.isScript()) {
            s = s.parent();
        }
        return s;
    }

    /**
     * Set-StrictMode's version (0 when off), read from the session variable the Set-StrictMode
     * cmdlet writes: 1 forbids reading unset variables, 2 and later also missing properties.
     */
    int strictVersion() {
        Object v = runner.scope().get(SetStrictModeCommand.VARIABLE);
        return v == null ? 0 : LanguagePrimitives.toInt(InstanceMembers.getProperty(v, "Major"));
    }
}
