package org.drizzle.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class ReplCompleterTest {
    private final ScriptHarness runner = new ScriptHarness();
    private final ReplCompleter completer = new ReplCompleter(runner.host().session());

    private List<String> complete(String line) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE), out);
        return out.stream().map(Candidate::value).toList();
    }

    @Test
    void commandsParametersEnumValuesAndVariables() {
        assertThat(complete("Get-Bits")).contains("Get-BitsTransfer", "Start-BitsTransfer", "%");
        assertThat(complete("Start-BitsTransfer -Pri")).contains("-Priority", "-Source", "-ErrorAction");
        assertThat(complete("Start-BitsTransfer -Priority ")).contains("Foreground", "High", "Normal", "Low");
        assertThat(complete("Get-BitsTransfer | Set-BitsTransfer -")).contains("-Priority");
        runner.run("$myJobs = 1");
        assertThat(complete("Write-Output $my")).contains("$myJobs");
    }
}
