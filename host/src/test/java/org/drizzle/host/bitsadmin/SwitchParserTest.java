package org.drizzle.host.bitsadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

/** Sub-switches by name in any case; everything else, paths and dashes included, stays positional. */
class SwitchParserTest {
    private final Options transfer = new Options()
            .addOption(Option.builder("download").get())
            .addOption(Option.builder("uploadreply").get())
            .addOption(Option.builder("priority").hasArg().get());

    @Test
    void onlyTheCommandsOwnSubSwitchesAreOptions() throws Exception {
        SwitchParser.Parsed p = SwitchParser.parse(transfer,
                List.of("job", "/PRIORITY", "High", "/Download", "/tmp/a.iso", "-x", "/download-ish", "--", "/UPLOAD-REPLY"));
        assertThat(p.has("download")).isTrue();
        assertThat(p.has("uploadreply")).isTrue();
        assertThat(p.value("priority")).isEqualTo("High");
        assertThat(p.args()).containsExactly("job", "/tmp/a.iso", "-x", "/download-ish", "--");
    }

    @Test
    void aValuedSubSwitchWithoutItsValueIsAnError() {
        assertThatThrownBy(() -> SwitchParser.parse(transfer, List.of("job", "/priority")))
                .isInstanceOf(MissingArgumentException.class);
    }

    @Test
    void theValueOfASubSwitchMayLookLikeAPath() throws Exception {
        SwitchParser.Parsed p = SwitchParser.parse(transfer, List.of("/priority", "/tmp/x"));
        assertThat(p.value("priority")).isEqualTo("/tmp/x");
        assertThat(p.args()).isEmpty();
    }
}
