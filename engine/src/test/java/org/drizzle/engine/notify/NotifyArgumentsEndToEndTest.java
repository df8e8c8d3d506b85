package org.drizzle.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A real notify program set BITS' way ({@code program, "program hello \"two words\""}) gets two arguments. */
@EnabledOnOs(OS.LINUX)
class NotifyArgumentsEndToEndTest {

    @Test
    void theProgramReceivesEachParameterAsItsOwnArgument(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("args.txt");
        Path program = dir.resolve("record.sh");
        Files.writeString(program, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > " + out + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        Principal me = Principal.current();

        NotifyLauncher.Outcome outcome = new LinuxNotifyLauncher(me.uid()).run(
                List.of(program.toString(), "record.sh hello \"two words\" C:\\\\dir\\\\ \"q\\\"uote\""),
                new Owner(me.uid(), me.name()), Duration.ofSeconds(10));

        assertThat(outcome.exitCode()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("[hello]", "[two words]", "[C:\\\\dir\\\\]", "[q\"uote]");
    }
}
