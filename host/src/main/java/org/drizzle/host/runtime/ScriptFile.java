package org.drizzle.host.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.host.compile.JsCompiler;

/** A .ps1 file run as a command: compiled, its param() bound like a function's, with $PSScriptRoot and $PSCommandPath set. */
final class ScriptFile {
    private ScriptFile() {
    }

    static Stage stage(ScriptRuntime rt, String name, List<Argument> args, boolean expectingInput) {
        Path path = rt.session().location().resolve(name).normalize();
        String source;
        try {
            source = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException(new ErrorRecord(e, "CommandNotFoundException", ErrorCategory.OBJECT_NOT_FOUND, name,
                    null, 0));
        }
        CompiledUnit unit = new CompiledUnit(JsCompiler.compile(source, path.toString()), rt);
        FunctionDefinition f = FunctionDefinition.of(path.getFileName().toString(), unit, 0);
        return new FunctionStage(rt, f, args, expectingInput, Map.of("PSScriptRoot", String.valueOf(path.getParent()),
                "PSCommandPath", path.toString()));
    }
}
