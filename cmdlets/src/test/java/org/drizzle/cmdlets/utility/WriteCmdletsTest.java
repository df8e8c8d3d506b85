package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.CommandProcessor;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteCmdletsTest {
    @TempDir
    Path dir;

    @Test
    void writeHostGoesToTheConsoleNotThePipeline() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("Write-Host", "Download", "failed", p("ForegroundColor", "Red")))).isEmpty();
        assertThat(host.console).hasToString("[red]Download failed\n");
        host.run(cmd("Write-Host", "a", sw("NoNewline")));
        assertThat(host.console.toString()).endsWith("a");
    }

    @Test
    void writeOutputEnumeratesUnlessNoEnumerate() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("echo", "a", "b"))).containsExactly("a", "b");
        assertThat(host.run(cmd("Write-Output", List.of(1, 2), sw("NoEnumerate")))).hasSize(1);
    }

    @Test
    void warningsVerboseAndErrorsUseTheirStreams() {
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Write-Warning", "careful"));
        host.run(cmd("Write-Verbose", "hidden"));
        host.run(cmd("Write-Verbose", "shown", sw("Verbose")));
        host.run(cmd("Write-Error", "bad thing"));
        assertThat(host.warnings).containsExactly("careful");
        assertThat(host.verbose).containsExactly("shown");
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("bad thing"));
        assertThatThrownBy(() -> host.run(cmd("Write-Error", "fatal", p("ErrorAction", "Stop"))))
                .isInstanceOf(CommandException.class).hasMessage("fatal");
        host.run(cmd("Write-Error", "quiet", p("EA", "SilentlyContinue")));
        assertThat(host.errors).hasSize(1);
    }

    @Test
    void writeProgressPassesTheRecord() {
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Write-Progress", p("Activity", "Download"), p("Status", "50%"), p("PercentComplete", 50)));
        assertThat(host.progress).singleElement().satisfies(r -> {
            assertThat(r.activity()).isEqualTo("Download");
            assertThat(r.percentComplete()).isEqualTo(50);
        });
    }

    @Test
    void startSleepWaitsAndStopsAtOnceOnCtrlC() throws Exception {
        TestHost host = new TestHost(dir, null);
        long t0 = System.nanoTime();
        host.run(cmd("sleep", p("Milliseconds", 120)));
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(120_000_000L);
        CommandProcessor proc = new CommandProcessor(CommandRegistry.builtIn().require("Start-Sleep"),
                List.of(org.drizzle.cmdlets.api.Argument.positional(60)), false);
        proc.begin(null);
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> proc.process(null));
        Thread.sleep(100);
        proc.stop();
        assertThatThrownBy(() -> f.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(PipelineStoppedException.class);
    }
}
