package org.drizzle.host.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.host.parse.Parser;

/** A .ps1 file run as a command: compiled, its param() bound like a function's, with $PSScriptRoot and $PSCommandPath set. */
final class ScriptFile {
    private ScriptFile() {
    }

    static Stage stage(ScriptRunner rt, String name, List<Argument> args, boolean expectingInput) {
        Path path = rt.session().location().resolve(name).normalize();
        String source = read(path, name);
        CompiledUnit unit = rt.compile(source, path.toString());
        FunctionDefinition f = FunctionDefinition.of(path.getFileName().toString(), unit, 0);
        return new FunctionStage(rt, f, args, expectingInput, Map.of("PSScriptRoot", String.valueOf(path.getParent()),
                "PSCommandPath", path.toString()));
    }

    /**
     * What Get-Help shows for {@code name} when it is a script file's path (a {@code .ps1} name
     * or any path with a folder in it): its metadata, named by its full path as PowerShell does,
     * read without compiling the script; empty when no such file exists.
     */
    static Optional<CommandMetadata> help(ScriptRunner rt, String name) {
        boolean pathLike = name.toLowerCase(Locale.ROOT).endsWith(".ps1") || name.contains("/") || name.contains("\\");
        Path path = rt.session().location().resolve(name).normalize();
        if (!pathLike || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(FunctionDefinition.metadata(path.toString(), Parser.parse(read(path, name), path.toString())));
    }

    private static String read(Path path, String name) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException(new ErrorRecord(e, "CommandNotFoundException", ErrorCategory.OBJECT_NOT_FOUND, name,
                    null, 0));
        }
    }
}
