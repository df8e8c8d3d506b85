package org.drizzle.cmdlets.dotnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateTimeAndTimeSpanTest {
    private final TypeAdapter dateTime = DotNetTypes.require("datetime");
    private final TypeAdapter timeSpan = DotNetTypes.require("System.TimeSpan");
    private final OffsetDateTime noon = OffsetDateTime.of(2024, 2, 28, 12, 0, 0, 0, ZoneOffset.UTC);

    private static Object call(Object target, String method, Object... args) {
        return InstanceMembers.invokeMethod(target, method, List.of(args));
    }

    @Test
    void addMethodsAcceptFractionsAndCrossLeapDays() {
        assertThat(call(noon, "AddDays", 1.5)).isEqualTo(noon.plusHours(36));
        assertThat(call(noon, "AddHours", -0.25)).isEqualTo(noon.minusMinutes(15));
        assertThat(call(noon, "AddSeconds", 90)).isEqualTo(noon.plusSeconds(90));
        assertThat(InstanceMembers.getProperty(call(noon, "AddDays", 1), "Day")).isEqualTo(29);
        assertThat(InstanceMembers.getProperty(call(noon, "AddMonths", 1), "Month")).isEqualTo(3);
    }

    @Test
    void partsAndToStringWithDotNetFormats() {
        assertThat(InstanceMembers.getProperty(noon, "Year")).isEqualTo(2024);
        assertThat(InstanceMembers.getProperty(noon, "DayOfWeek")).isEqualTo("Wednesday");
        assertThat(InstanceMembers.getProperty(noon, "Date")).isEqualTo(noon.withHour(0));
        assertThat(call(noon, "ToString", "yyyyMMdd-HHmm")).isEqualTo("20240228-1200");
        assertThat(InstanceMembers.getProperty(noon, "Ticks")).isEqualTo(638447184000000000L);
    }

    @Test
    void subtractGivesTimeSpanOrEarlierDate() {
        OffsetDateTime later = noon.plusMinutes(90);
        Object span = call(later, "Subtract", noon);
        assertThat(span).isEqualTo(Duration.ofMinutes(90));
        assertThat(InstanceMembers.getProperty(span, "TotalHours")).isEqualTo(1.5);
        assertThat(call(later, "Subtract", Duration.ofMinutes(90))).isEqualTo(noon);
        assertThat(call(noon, "CompareTo", later)).isEqualTo(-1);
    }

    @Test
    void parseExactUsesDotNetFormatsAndArraysOfThem() {
        Object d = dateTime.invokeStatic("ParseExact", List.of("2025-12-31 23:59", "yyyy-MM-dd HH:mm", "null"));
        assertThat(InstanceMembers.getProperty(d, "Hour")).isEqualTo(23);
        Object e = dateTime.invokeStatic("ParseExact", List.of("31/12/2025", new Object[] {"yyyy-MM-dd", "dd/MM/yyyy"}, "x"));
        assertThat(InstanceMembers.getProperty(e, "Month")).isEqualTo(12);
        assertThatThrownBy(() -> dateTime.invokeStatic("ParseExact", List.of("31.12.2025", "yyyy-MM-dd")))
                .hasMessageContaining("'31.12.2025'").hasMessageContaining("yyyy-MM-dd");
    }

    @Test
    void utcNowIsUtcAndCastsParse() {
        OffsetDateTime now = (OffsetDateTime) dateTime.getStatic("UtcNow");
        assertThat(now.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(dateTime.convert("2026-01-02T03:04:05Z")).isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> dateTime.convert("not a date")).hasMessageContaining("'not a date'");
        assertThat(dateTime.isInstance(noon)).isTrue();
        assertThat(dateTime.isInstance("2026-01-01")).isFalse();
    }

    @Test
    void timeSpanFactoriesPartsAndTotals() {
        Duration d = (Duration) timeSpan.invokeStatic("FromSeconds", List.of(3725.5));
        assertThat(InstanceMembers.getProperty(d, "Hours")).isEqualTo(1);
        assertThat(InstanceMembers.getProperty(d, "Minutes")).isEqualTo(2);
        assertThat(InstanceMembers.getProperty(d, "Seconds")).isEqualTo(5);
        assertThat(InstanceMembers.getProperty(d, "Milliseconds")).isEqualTo(500);
        assertThat(InstanceMembers.getProperty(d, "TotalMinutes")).isEqualTo(3725.5 / 60);
        assertThat(timeSpan.invokeStatic("FromMilliseconds", List.of(1.5))).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(timeSpan.invokeStatic("FromDays", List.of(1))).isEqualTo(Duration.ofDays(1));
        Duration negative = Duration.ofMinutes(-90);
        assertThat(InstanceMembers.getProperty(negative, "Hours")).isEqualTo(-1);
        assertThat(InstanceMembers.getProperty(negative, "Minutes")).isEqualTo(-30);
    }

    @Test
    void timeSpanToStringFormats() {
        Duration d = Duration.ofDays(2).plusHours(3).plusMinutes(4).plusSeconds(5).plusMillis(60);
        assertThat(call(d, "ToString")).isEqualTo("2.03:04:05.0600000");
        assertThat(call(d, "ToString", "c")).isEqualTo("2.03:04:05.0600000");
        assertThat(call(d, "ToString", "g")).isEqualTo("2:3:04:05.06");
        assertThat(call(d, "ToString", "d\\.hh\\:mm")).isEqualTo("2.03:04");
        assertThat(call(d, "ToString", "%s")).isEqualTo("5");
        assertThat(call(d, "ToString", "ss\\.fff")).isEqualTo("05.060");
        assertThat(call(d, "ToString", "'took 'mm' min'")).isEqualTo("took 04 min");
        assertThat(call(Duration.ofSeconds(-65), "ToString")).isEqualTo("-00:01:05");
        assertThatThrownBy(() -> call(d, "ToString", "mm:ss")).isInstanceOf(DotNetException.class)
                .hasMessageContaining("mm:ss");
    }

    @Test
    void timeSpanParseCastsAndLimits() {
        assertThat(timeSpan.convert("01:30:00")).isEqualTo(Duration.ofMinutes(90));
        assertThat(timeSpan.convert("1.02:00:00")).isEqualTo(Duration.ofHours(26));
        assertThat(timeSpan.convert("-00:00:01.5")).isEqualTo(Duration.ofMillis(-1500));
        assertThat(timeSpan.convert(10_000_000L)).isEqualTo(Duration.ofSeconds(1));
        assertThat(timeSpan.convert("3")).isEqualTo(Duration.ofDays(3));
        assertThatThrownBy(() -> timeSpan.convert("25:00:00")).hasMessageContaining("'25:00:00'");
        assertThat(call(timeSpan.getStatic("MaxValue"), "ToString")).isEqualTo("10675199.02:48:05.4775807");
        assertThat(timeSpan.construct(List.of(1, 2, 3))).isEqualTo(Duration.ofSeconds(3723));
    }
}
