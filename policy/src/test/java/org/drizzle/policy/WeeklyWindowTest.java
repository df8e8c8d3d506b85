package org.drizzle.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Days (0 = Sunday), inclusive day ranges that wrap the week, and hours that wrap midnight. */
class WeeklyWindowTest {

    @ParameterizedTest(name = "days {0}-{1} hours {2}-{3} at {4} -> {5}")
    @CsvSource({
            // Mon-Fri 8-17: every boundary hour
            "1, 5, 8, 17, 2026-11-23T07:59, false",
            "1, 5, 8, 17, 2026-11-23T08:00, true",
            "1, 5, 8, 17, 2026-11-23T16:59, true",
            "1, 5, 8, 17, 2026-11-23T17:00, false",
            "1, 5, 8, 17, 2026-11-27T16:00, true",
            "1, 5, 8, 17, 2026-11-28T10:00, false",
            "1, 5, 8, 17, 2026-11-22T10:00, false",
            // Fri-Mon wraps the week end: Sat and Sun are in, Tue is not
            "5, 1, 8, 17, 2026-11-28T10:00, true",
            "5, 1, 8, 17, 2026-11-29T10:00, true",
            "5, 1, 8, 17, 2026-11-30T10:00, true",
            "5, 1, 8, 17, 2026-11-24T10:00, false",
            // Sat 22 to 6: Saturday night runs into Sunday (0) morning, across the week wrap
            "6, 6, 22, 6, 2026-11-28T21:59, false",
            "6, 6, 22, 6, 2026-11-28T22:00, true",
            "6, 6, 22, 6, 2026-11-29T00:00, true",
            "6, 6, 22, 6, 2026-11-29T05:59, true",
            "6, 6, 22, 6, 2026-11-29T06:00, false",
            "6, 6, 22, 6, 2026-11-22T03:00, true",
            "6, 6, 22, 6, 2026-11-29T22:00, false",
            // Sunday early hours are not Saturday's unless the window started on Saturday
            "0, 0, 22, 6, 2026-11-22T03:00, false",
            "0, 0, 22, 6, 2026-11-23T03:00, true",
            // equal hours: the whole day
            "3, 3, 9, 9, 2026-11-25T00:00, true",
            "3, 3, 9, 9, 2026-11-25T23:59, true",
            "3, 3, 9, 9, 2026-11-26T00:00, false",
            // whole week, hours 0-23: the last hour is out
            "0, 6, 0, 23, 2026-11-24T22:59, true",
            "0, 6, 0, 23, 2026-11-24T23:00, false",
    })
    void contains(int startDay, int endDay, int startHour, int endHour, String time, boolean expected) {
        WeeklyWindow w = new WeeklyWindow(startDay, endDay, startHour, endHour);
        assertThat(w.contains(LocalDateTime.parse(time))).isEqualTo(expected);
    }
}
