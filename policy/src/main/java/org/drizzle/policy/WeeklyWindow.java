package org.drizzle.policy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

/**
 * The days and hours of a Throttling schedule: StartDay..EndDay inclusive (0 = Sunday, and a
 * range may wrap the week, e.g. 5..1 is Friday to Monday), StartHour inclusive to EndHour
 * exclusive (8..17 is 08:00-16:59). Hours may wrap midnight (22..6); the hours after midnight
 * then belong to the day the window started on, so Friday 22..6 runs into Saturday morning.
 * Equal hours mean the whole day.
 */
public record WeeklyWindow(int startDay, int endDay, int startHour, int endHour) {

    /** Whether local time {@code t} falls in the window. */
    public boolean contains(LocalDateTime t) {
        int day = dayNumber(t.getDayOfWeek());
        int hour = t.getHour();
        if (startHour == endHour) {
            return dayInRange(day);
        }
        if (startHour < endHour) {
            return hour >= startHour && hour < endHour && dayInRange(day);
        }
        if (hour >= startHour) {
            return dayInRange(day);
        }
        // Past midnight of a wrapping window: it started the previous day.
        return hour < endHour && dayInRange((day + 6) % 7);
    }

    private boolean dayInRange(int day) {
        return startDay <= endDay ? day >= startDay && day <= endDay : day >= startDay || day <= endDay;
    }

    /** Group Policy numbers days 0 = Sunday .. 6 = Saturday. */
    public static int dayNumber(DayOfWeek day) {
        return day.getValue() % 7;
    }

    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    @Override
    public String toString() {
        return DAYS[startDay] + "-" + DAYS[endDay] + String.format(java.util.Locale.ROOT, " %02d:00-%02d:00", startHour, endHour);
    }
}
