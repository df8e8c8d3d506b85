package org.drizzle.cmdlets.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.drizzle.cmdlets.api.ActionPreference;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.CommandContext;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.CommandProcessor;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.HostUi;
import org.drizzle.cmdlets.api.ProgressRecord;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.engine.api.EngineClient;

/**
 * A small stand-in for the host runtime (a test double of the host, never of the engine):
 * runs pipelines of commands through the real registry, binder and CommandProcessor, and
 * records every stream so tests can assert on them.
 */
public final class TestHost {
    public final CommandRegistry registry = CommandRegistry.builtIn();
    public final List<Object> output = new ArrayList<>();
    public final List<ErrorRecord> errors = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> verbose = new ArrayList<>();
    public final List<ProgressRecord> progress = new ArrayList<>();
    public final StringBuilder console = new StringBuilder();
    public final Deque<String> input = new ArrayDeque<>();
    public final List<String> prompts = new ArrayList<>();
    public final Map<String, Object> variables = new HashMap<>();
    public boolean interactive;
    public boolean whatIf;
    public volatile boolean stopping;
    public int width = 80;
    private final EngineClient engine;
    private Path location;

    public TestHost(Path location, EngineClient engine) {
        this.location = location;
        this.engine = engine;
    }

    /** One command of a pipeline: its name and arguments. */
    public record Step(String name, List<Argument> args) {
    }

    public static Step cmd(String name, Object... args) {
        List<Argument> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a instanceof Argument arg ? arg : Argument.positional(a));
        }
        return new Step(name, list);
    }

    public static Argument p(String name, Object value) {
        return Argument.named(name, value);
    }

    public static Argument sw(String name) {
        return Argument.named(name, Argument.NO_VALUE);
    }

    /** A script block backed by a Java function of $_. */
    public static ScriptBlock block(String text, Function<Object, Object> body) {
        return new ScriptBlock() {
            @Override
            public List<Object> invokeWithInput(Object in, Object... args) {
                Object r = body.apply(in);
                return r == null ? List.of() : LanguagePrimitives.toList(r);
            }

            @Override
            public String text() {
                return text;
            }
        };
    }

    /** Runs {@code first | rest...} feeding {@code pipelineInput} (if any) to the first command; returns the output. */
    public List<Object> run(List<Object> pipelineInput, Step... steps) {
        List<Object> current = pipelineInput;
        for (Step s : steps) {
            current = runOne(s, current);
        }
        output.addAll(current);
        return current;
    }

    public List<Object> run(Step... steps) {
        return run(null, steps);
    }

    private List<Object> runOne(Step step, List<Object> in) {
        CommandProcessor proc = new CommandProcessor(registry.require(step.name()), step.args(), in != null);
        List<Object> out = new ArrayList<>();
        Context ctx = new Context(out, proc.bound().common().errorAction(),
                Boolean.TRUE.equals(proc.bound().common().whatIf()) || whatIf,
                Boolean.TRUE.equals(proc.bound().common().verbose()));
        proc.begin(ctx);
        if (in == null) {
            proc.process(null);
        } else {
            try {
                for (Object o : in) {
                    proc.process(o);
                }
            } catch (org.drizzle.cmdlets.api.StopUpstreamException e) {
                // Select-Object -First has its items; the commands before it already ran here
            }
        }
        proc.end();
        return out;
    }

    private final class Context implements CommandContext {
        private final List<Object> out;
        private final ActionPreference errorAction;
        private final boolean whatIfMode;
        private final boolean verboseMode;

        Context(List<Object> out, ActionPreference errorAction, boolean whatIf, boolean verbose) {
            this.out = out;
            this.errorAction = errorAction;
            this.whatIfMode = whatIf;
            this.verboseMode = verbose;
        }

        @Override
        public void writeObject(Object value) {
            out.add(value);
        }

        @Override
        public void writeEnumerated(Object value) {
            if (LanguagePrimitives.isEnumerable(value)) {
                out.addAll(LanguagePrimitives.toList(value));
            } else {
                out.add(value);
            }
        }

        @Override
        public void writeError(ErrorRecord record) {
            if (errorAction == ActionPreference.STOP) {
                throw new CommandException(record);
            }
            if (errorAction != ActionPreference.IGNORE && errorAction != ActionPreference.SILENTLY_CONTINUE) {
                errors.add(record);
            }
        }

        @Override
        public void writeWarning(String message) {
            warnings.add(message);
        }

        @Override
        public void writeVerbose(String message) {
            if (verboseMode) {
                verbose.add(message);
            }
        }

        @Override
        public void writeDebug(String message) {
        }

        @Override
        public void writeProgress(ProgressRecord record) {
            progress.add(record);
        }

        @Override
        public boolean shouldProcess(String target, String action) {
            if (whatIfMode) {
                console.append("What if: Performing the operation \"").append(action).append("\" on target \"")
                        .append(target).append("\".\n");
                return false;
            }
            return true;
        }

        @Override
        public HostUi ui() {
            return new HostUi() {
                @Override
                public boolean isInteractive() {
                    return interactive;
                }

                @Override
                public int width() {
                    return width;
                }

                @Override
                public String readLine(String prompt, boolean secret) {
                    prompts.add(prompt + (secret ? "[secret]" : ""));
                    return input.poll();
                }

                @Override
                public void write(String text, String color, boolean newline) {
                    console.append(color == null ? "" : "[" + color.toLowerCase(Locale.ROOT) + "]").append(text)
                            .append(newline ? "\n" : "");
                }

                @Override
                public void progress(ProgressRecord record) {
                    progress.add(record);
                }
            };
        }

        @Override
        public EngineClient engine() {
            if (engine == null) {
                throw new IllegalStateException("no engine in this test");
            }
            return engine;
        }

        @Override
        public Path currentLocation() {
            return location;
        }

        @Override
        public void setCurrentLocation(Path path) {
            location = path;
        }

        @Override
        public Object getVariable(String name) {
            return variables.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public void setVariable(String name, Object value) {
            variables.put(name.toLowerCase(Locale.ROOT), value);
        }

        @Override
        public CommandRegistry commands() {
            return registry;
        }

        @Override
        public boolean isStopping() {
            return stopping;
        }
    }
}
