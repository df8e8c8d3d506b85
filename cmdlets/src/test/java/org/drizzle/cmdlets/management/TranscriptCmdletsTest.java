package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.CommandContext;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.CommandProcessor;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.cmdlets.api.HostUi;
import org.drizzle.cmdlets.api.ProgressRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-/Stop-Transcript through the HostUi transcript hook, with a console that tees as a real
 * host must (and one that cannot, which must fail clearly).
 */
class TranscriptCmdletsTest {
    @TempDir
    Path dir;
    private final List<Object> output = new ArrayList<>();

    /** A console that writes to a StringBuilder and tees into the transcript sink. */
    private static final class TeeConsole implements HostUi {
        final StringBuilder screen = new StringBuilder();
        Writer transcript;
        final boolean canTee;

        TeeConsole(boolean canTee) {
            this.canTee = canTee;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public int width() {
            return 80;
        }

        @Override
        public String readLine(String prompt, boolean secret) {
            return null;
        }

        @Override
        public void write(String text, String foregroundColor, boolean newline) {
            String line = text + (newline ? "\n" : "");
            screen.append(line);
            try {
                if (transcript != null) {
                    transcript.write(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void progress(ProgressRecord record) {
        }

        @Override
        public void setTranscript(Writer sink) {
            if (!canTee) {
                HostUi.super.setTranscript(sink);
            }
            transcript = sink;
        }

        @Override
        public Writer transcript() {
            return transcript;
        }
    }

    private void run(HostUi ui, String name, Argument... args) {
        CommandContext ctx = (CommandContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CommandContext.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "writeObject", "writeEnumerated" -> output.add(a[0]);
                    case "ui" -> ui;
                    case "writeHost" -> {
                        ui.write((String) a[0], (String) a[1], (Boolean) a[2]);
                        yield null;
                    }
                    case "currentLocation" -> dir;
                    case "resolvePath" -> org.drizzle.cmdlets.api.ProviderPaths.resolve(dir, (String) a[0]);
                    case "commands" -> CommandRegistry.builtIn();
                    case "isStopping", "shouldProcess" -> method.getName().equals("shouldProcess");
                    default -> null;
                });
        CommandProcessor proc = new CommandProcessor(CommandRegistry.builtIn().require(name), List.of(args), false);
        proc.begin(ctx);
        proc.process(null);
        proc.end();
    }

    @Test
    void transcriptRecordsConsoleOutputBetweenStartAndStop() throws Exception {
        TeeConsole console = new TeeConsole(true);
        console.write("before", null, true);
        run(console, "Start-Transcript", Argument.named("Path", "logs/run.txt"));
        console.write("Downloading driver...", "Green", true);
        run(console, "Write-Host", Argument.positional("done"));
        run(console, "Stop-Transcript");
        console.write("after", null, true);
        String text = Files.readString(dir.resolve("logs/run.txt"));
        assertThat(text).contains("transcript start", "Downloading driver...\n", "done\n", "transcript end")
                .doesNotContain("before", "after");
        assertThat(output).containsExactly("Transcript started, output file is " + dir.resolve("logs/run.txt"),
                "Transcript stopped, output file is " + dir.resolve("logs/run.txt"));
    }

    @Test
    void appendKeepsTheEarlierTranscriptAndStopWithoutStartFails() throws Exception {
        TeeConsole console = new TeeConsole(true);
        run(console, "Start-Transcript", Argument.named("Path", "t.txt"));
        console.write("first", null, true);
        run(console, "Stop-Transcript");
        run(console, "Start-Transcript", Argument.named("Path", "t.txt"), Argument.named("Append", Argument.NO_VALUE));
        console.write("second", null, true);
        run(console, "Stop-Transcript");
        assertThat(Files.readString(dir.resolve("t.txt"))).contains("first", "second");
        assertThatThrownBy(() -> run(console, "Stop-Transcript")).isInstanceOf(CommandException.class)
                .hasMessageContaining("not currently transcribing");
    }

    @Test
    void useMinimalHeaderWritesOnlyTheStartTime() throws Exception {
        TeeConsole console = new TeeConsole(true);
        run(console, "Start-Transcript", Argument.named("LP", "m.txt"), Argument.named("UseMinimalHeader", Argument.NO_VALUE));
        run(console, "Stop-Transcript");
        assertThat(Files.readString(dir.resolve("m.txt"))).contains("PowerShell transcript start\nStart time: ")
                .doesNotContain("Username:", "Process ID:");
    }

    @Test
    void aHostWithoutTheHookFailsClearly() {
        assertThatThrownBy(() -> run(new TeeConsole(false), "Start-Transcript", Argument.named("Path", "x.txt")))
                .isInstanceOf(CommandException.class).hasMessageContaining("cannot record a transcript");
    }
}
