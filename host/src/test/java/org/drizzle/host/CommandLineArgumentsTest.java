package org.drizzle.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drizzle.cmdlets.api.Argument;
import org.junit.jupiter.api.Test;

class CommandLineArgumentsTest {
    private static Object value(String word) {
        return ((Argument) CommandLineArguments.toArguments(List.of(word)).get(0)).value();
    }

    @Test
    void aPlainNumberIsANumberAndAnythingThatWouldPrintDifferentlyStaysText() {
        assertThat(value("7")).isEqualTo(7);
        assertThat(value("2.5")).isEqualTo(2.5);
        assertThat(value("000123")).isEqualTo("000123");
        assertThat(value("0".repeat(64))).as("a SHA-256 of zeros").isEqualTo("0".repeat(64));
        assertThat(value("0x1F")).isEqualTo("0x1F");
        assertThat(value("1.4.0")).isEqualTo("1.4.0");
    }

    @Test
    void namesAndColonValues() {
        List<Object> args = CommandLineArguments.toArguments(List.of("-Url", "x", "-Count:3", "-Force"));
        assertThat(((Argument) args.get(0)).name()).isEqualTo("Url");
        assertThat(((Argument) args.get(2)).value()).isEqualTo(3);
        assertThat(((Argument) args.get(3)).value()).isSameAs(Argument.NO_VALUE);
    }

    @Test
    void oneBitsCmdletWithLiteralArgumentsIsAllThatOpensTheEngineFirst() {
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("Get-BitsTransfer"))).isTrue();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("get-bitstransfer -AllUsers"))).isTrue();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("Start-BitsTransfer", "-Source", "http://h/a b.iso",
                "-Destination", "/tmp/a.iso"))).isTrue();
        // Anything that could run before the cmdlet, or instead of it, keeps the engine for first use.
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of())).isFalse();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("bitsadmin", "/list"))).isFalse();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("Get-BitsTransferX"))).isFalse();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("Get-BitsTransfer | Remove-BitsTransfer"))).isFalse();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("Get-BitsTransfer;", "bitsadmin"))).isFalse();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("Start-BitsTransfer", "-Source", "(bitsadmin", "/list)"))).isFalse();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("Start-BitsTransfer", "-Source", "$(./x.ps1)"))).isFalse();
        assertThat(CommandLineArguments.oneBitsCmdlet(List.of("Start-BitsTransfer", "@args"))).isFalse();
    }
}
