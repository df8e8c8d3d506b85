package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.drizzle.cmdlets.format.Formatter;
import org.drizzle.cmdlets.dotnet.InstanceMembers;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Get-Date -DisplayHint: the console shows date only or time only; the value stays a DateTime. */
class GetDateDisplayHintTest {
    private final TestHost host = new TestHost(Path.of("."), null);
    private final OffsetDateTime when = OffsetDateTime.of(2026, 3, 4, 17, 5, 6, 0,
            ZoneId.systemDefault().getRules().getOffset(java.time.LocalDateTime.of(2026, 3, 4, 17, 5, 6)));

    private Object getDate(String hint) {
        List<Object> out = hint == null ? host.run(cmd("Get-Date", p("Date", when)))
                : host.run(cmd("Get-Date", p("Date", when), p("DisplayHint", hint)));
        assertThat(out).singleElement().isInstanceOf(OffsetDateTime.class);
        return out.get(0);
    }

    @Test
    void dateShowsTheDateOnlyAndTimeTheTimeOnly() {
        Object date = getDate("Date");
        assertThat(Formatter.format(List.of(date), 80)).isEqualTo("3/4/2026\n");
        assertThat(InstanceMembers.getProperty(date, "DisplayHint")).isEqualTo("Date");
        assertThat(InstanceMembers.getProperty(date, "Hour")).isEqualTo(17);
        Object time = getDate("time");
        assertThat(Formatter.format(List.of(time), 80)).isEqualTo("5:05:06 PM\n");
        assertThat(InstanceMembers.getProperty(time, "DisplayHint")).isEqualTo("Time");
        Object both = getDate(null);
        assertThat(Formatter.format(List.of(both), 80)).isEqualTo("3/4/2026 5:05:06 PM\n");
        assertThat(InstanceMembers.getProperty(both, "DisplayHint")).isEqualTo("DateTime");
    }

    @Test
    void theHintBelongsToTheOutputInstanceOnly() {
        Object date = getDate("Date");
        assertThat(date).isEqualTo(when).isNotSameAs(when);
        assertThat(InstanceMembers.getProperty(when, "DisplayHint")).isNull();
        assertThat(Formatter.format(List.of(when), 80)).isEqualTo("3/4/2026 5:05:06 PM\n");
        Object later = InstanceMembers.invokeMethod(date, "AddDays", List.of(1));
        assertThat(InstanceMembers.getProperty(later, "DisplayHint")).isNull();
    }

    @Test
    void anUnknownHintIsRefusedByName() {
        assertThatThrownBy(() -> host.run(cmd("Get-Date", p("DisplayHint", "Weekday"))))
                .hasMessageContaining("Weekday").hasMessageContaining("Date,Time,DateTime")
                .hasMessageNotContaining("java.");
    }
}
