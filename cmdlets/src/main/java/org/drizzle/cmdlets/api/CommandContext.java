package org.drizzle.cmdlets.api;

import java.nio.file.Path;
import org.drizzle.engine.api.EngineClient;

/**
 * Everything a running command may use, provided by the host runtime for one invocation:
 * the output and error streams, the console, the session's variables and location, and the
 * engine. Common parameters (-ErrorAction, -WarningAction, -Verbose, -WhatIf, -Confirm,
 * -ErrorVariable, -OutVariable) are applied behind these methods by the host.
 */
public interface CommandContext {

    /** Sends an object down the pipeline (or to the console at its end). */
    void writeObject(Object value);

    /** Sends each element of a collection/array down the pipeline (Write-Output's default). */
    void writeEnumerated(Object value);

    /** A non-terminating error: honours -ErrorAction (Stop turns it into a {@link CommandException}). */
    void writeError(ErrorRecord record);

    void writeWarning(String message);

    /** Shown only with -Verbose or $VerbosePreference = 'Continue'. */
    void writeVerbose(String message);

    void writeDebug(String message);

    /**
     * The information stream (Write-Information): shown when -InformationAction or
     * $InformationPreference is Continue; the host overrides this to honour -InformationAction.
     */
    /**
     * Write-Host's text: the host shows it, unless the information stream (6) was redirected
     * ({@code 6>$null}, {@code *>&1}), which Write-Host writes to since PowerShell 5.
     */
    default void writeHost(String text, String color, boolean newline) {
        ui().write(text, color, newline);
    }

    default void writeInformation(Object message) {
        Object pref = getVariable("InformationPreference");
        if (pref != null && ActionPreference.parse(pref) == ActionPreference.CONTINUE) {
            ui().write(org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(message), null, true);
        }
    }

    void writeProgress(ProgressRecord record);

    /** The -WhatIf / -Confirm gate: false means skip the action (WhatIf prints what it would do). */
    boolean shouldProcess(String target, String action);

    HostUi ui();

    /** The engine the host picked (embedded or service); created on first use. */
    EngineClient engine();

    /** The current location (Set-Location), for resolving relative paths. */
    Path currentLocation();

    void setCurrentLocation(Path path);

    /** A file-system path as a cmdlet's -Path takes it: {@link ProviderPaths#resolve} from the current location. */
    default Path resolvePath(String path) {
        return ProviderPaths.resolve(currentLocation(), path);
    }

    /**
     * {@code value -is [typeName]} as the host resolves type names (an unknown name is "Unable to find type [X].");
     * this default knows the curated .NET types only.
     */
    default boolean isInstanceOf(Object value, String typeName) {
        return value != null && org.drizzle.cmdlets.dotnet.DotNetTypes.require(typeName).isInstance(value);
    }

    /** Reads a session variable ($null if unset); names without the $, case-insensitive. */
    Object getVariable(String name);

    void setVariable(String name, Object value);

    /**
     * The session's commands (Get-Help, Get-Command); the host overrides this to include
     * script functions. Defaults to the built-in set.
     */
    default CommandRegistry commands() {
        return CommandRegistry.builtIn();
    }

    /**
     * The command Get-Help describes for {@code nameOrPath}: a command of {@link #commands()}
     * or, in the host, a script function or a {@code .ps1} file by path. Defaults to the registry.
     */
    default java.util.Optional<CommandMetadata> findCommand(String nameOrPath) {
        return commands().find(nameOrPath);
    }

    /**
     * What the script changed in the environment ({@code $env:X = ...}) for child processes; a
     * null value means the script removed the variable. Defaults to no changes.
     */
    default java.util.Map<String, String> environmentChanges() {
        return java.util.Map.of();
    }

    /** True once the user pressed Ctrl+C or a downstream command stopped the pipeline. */
    boolean isStopping();
}
