package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.api.StopUpstreamException;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * Runs {@code a | b | c} with PowerShell's streaming: every stage is bound and begun in
 * order, then each object the first stage (or the leading expression) produces flows
 * through the later stages one at a time, then the stages end in order, each end's output
 * still flowing downstream. Commands resolve to script functions first, then cmdlets and
 * aliases, then .ps1 files and native programs.
 */
final class Pipeline {
    /** The name a script block run by {@code & { }} or {@code . { }} carries as a command. */
    static final String SCRIPT_BLOCK = "<ScriptBlock>";
    /** A command as the generated code described it: name (or script block), position, arguments. */
    record CommandSpec(Object name, boolean invoked, int line, int column, List<Argument> arguments) {
    }

    /** The leading expression's value, enumerated into the first command. */
    record InputSpec(Object value) {
    }

    private final ScriptRunner rt;
    private final List<Object> specs;

    Pipeline(ScriptRunner rt, List<Object> specs) {
        this.rt = rt;
        this.specs = specs;
    }

    void run(Consumer<Object> sink) {
        StreamRedirects redirects = new StreamRedirects();
        List<Object> real = new ArrayList<>();
        List<CommandSpec> trailing = new ArrayList<>();
        for (Object s : specs) {
            if (s instanceof CommandSpec c && "__Redirect".equals(c.name())) {
                redirect(c, redirects, trailing);
            } else {
                real.add(s);
            }
        }
        real.addAll(trailing);
        Object input = null;
        boolean hasInput = false;
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            Object s = real.get(i);
            if (s instanceof InputSpec in) {
                input = in.value();
                hasInput = true;
            } else {
                CommandSpec c = (CommandSpec) s;
                rt.setPosition(c.line(), c.column());
                stages.add(resolve(c, i > 0, rt.isConsole(sink) && i == real.size() - 1, redirects.drops(StreamRedirects.ERROR)));
            }
        }
        if (stages.isEmpty()) {
            rt.write(input);
            return;
        }
        execute(stages, input, hasInput, sink, redirects);
    }

    /**
     * Reads one redirection marker (stream, merge|file|append, target): $null drops the stream,
     * a path writes it there; {@code *>} to a file merges every stream and writes the output there.
     */
    private void redirect(CommandSpec c, StreamRedirects redirects, List<CommandSpec> trailing) {
        String stream = LanguagePrimitives.toStr(c.arguments().get(0).value());
        String mode = LanguagePrimitives.toStr(c.arguments().get(1).value());
        Object target = c.arguments().size() > 2 ? c.arguments().get(2).value() : null;
        StreamRedirects.Target t;
        if (mode.equals("merge")) {
            t = new StreamRedirects.Target(StreamRedirects.Mode.MERGE, null);
        } else if (target == null) {
            t = new StreamRedirects.Target(StreamRedirects.Mode.DROP, null);
        } else {
            java.nio.file.Path file = org.drizzle.cmdlets.api.ProviderPaths.resolve(rt.session().location(),
                    LanguagePrimitives.toStr(target));
            if (mode.equals("file")) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("Could not write to '" + file + "': " + e.getMessage(), e);
                }
            }
            t = new StreamRedirects.Target(StreamRedirects.Mode.FILE, file);
        }
        if (!stream.equals("*")) {
            redirects.set(Integer.parseInt(stream), t);
            return;
        }
        boolean toFile = t.mode() == StreamRedirects.Mode.FILE;
        StreamRedirects.Target each = toFile ? new StreamRedirects.Target(StreamRedirects.Mode.MERGE, null) : t;
        for (int n = StreamRedirects.ERROR; n <= StreamRedirects.INFORMATION; n++) {
            redirects.set(n, each);
        }
        if (toFile) {
            List<Argument> args = new ArrayList<>(List.of(Argument.named("FilePath", t.file().toString())));
            if (mode.equals("append")) {
                args.add(new Argument("Append", true, true, false));
            }
            trailing.add(new CommandSpec("Out-File", false, c.line(), c.column(), args));
        } else if (t.mode() == StreamRedirects.Mode.DROP) {
            trailing.add(new CommandSpec("Out-Null", false, c.line(), c.column(), List.of()));
        }
    }

    private void execute(List<Stage> stages, Object input, boolean hasInput, Consumer<Object> sink, StreamRedirects redirect) {
        rt.started(stages);
        try {
            stream(stages, input, hasInput, sink, redirect);
        } finally {
            rt.finished(stages);
        }
    }

    private void stream(List<Stage> stages, Object input, boolean hasInput, Consumer<Object> sink, StreamRedirects redirect) {
        int n = stages.size();
        for (int i = 0; i < n; i++) {
            Consumer<Object> down = i + 1 < n ? stages.get(i + 1)::process : sink;
            if (stages.get(i) instanceof CommandStage cs) {
                cs.redirect(redirect, down); // N>&1: the stream joins this command's own output
            } else if (stages.get(i) instanceof FunctionStage fs) {
                fs.redirect(redirect, down); // and for a function, the streams of every command in it
            }
            stages.get(i).begin(down);
        }
        try {
            if (hasInput) {
                for (Object item : LanguagePrimitives.isEnumerable(input) ? LanguagePrimitives.toList(input)
                        : input == null ? List.of() : List.of(input)) {
                    stages.get(0).process(item);
                }
            } else {
                stages.get(0).process(null);
            }
            for (Stage s : stages) {
                s.end();
            }
        } catch (StopUpstreamException e) {
            endFrom(stages, e);
        } catch (PipelineStoppedException e) {
            // stopped: the pipeline simply ends
        }
    }

    /**
     * Select-Object -First has its items: the commands before it are stopped, it and those after it end.
     * The request of a command in an enclosing pipeline passes on to that pipeline.
     */
    private static void endFrom(List<Stage> stages, StopUpstreamException stop) {
        int from = 0;
        while (from < stages.size() && !stages.get(from).runs(stop.requester())) {
            from++;
        }
        if (from == stages.size()) {
            throw stop;
        }
        try {
            for (Stage s : stages.subList(from, stages.size())) {
                s.end();
            }
        } catch (PipelineStoppedException e) {
            // stopped while ending: the pipeline ends here
        }
    }

    private Stage resolve(CommandSpec c, boolean expectingInput, boolean toConsole, boolean quietErrors) {
        Object name = c.name();
        if (name instanceof ScriptBlockImpl sb) {
            return new FunctionStage(rt, FunctionDefinition.of(SCRIPT_BLOCK, sb.unit(), sb.block()), c.arguments(),
                    expectingInput, java.util.Map.of());
        }
        String text = LanguagePrimitives.toStr(name);
        FunctionDefinition f = rt.session().function(text);
        if (f == null) {
            f = rt.session().registry().aliasTarget(text).map(rt.session()::function).orElse(null);
        }
        if (f == null && rt.session().registry().find(text).isEmpty()) {
            f = BuiltInFunctions.find(rt, text);
        }
        if (f != null) {
            return new FunctionStage(rt, f, c.arguments(), expectingInput, java.util.Map.of());
        }
        CommandMetadata md = rt.session().registry().find(text).orElse(null);
        if (md != null && md.commandClass() != null) {
            return new CommandStage(rt, md, c.arguments(), expectingInput);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ps1")) {
            return ScriptFile.stage(rt, text, c.arguments(), expectingInput);
        }
        java.nio.file.Path exe = NativeCommand.find(rt, text);
        if (exe != null) {
            return new NativeCommand(rt, exe, c.arguments(), toConsole, quietErrors);
        }
        if (md != null) {
            return new CommandStage(rt, md, c.arguments(), expectingInput);
        }
        rt.session().registry().require(text);
        throw new CommandException(new ErrorRecord(new IllegalArgumentException("The term '" + text
                + "' is not recognized as a name of a cmdlet, function, script file, or executable program."),
                "CommandNotFoundException", ErrorCategory.OBJECT_NOT_FOUND, text));
    }
}
