package org.drizzle.policy;

/**
 * The BITS 3.5+ work/non-work schedule (or the maintenance schedule, whose {@code outside} is
 * unused): limits inside the window and, for the work schedule, the NonWorkSchedule limits
 * that apply at every other hour.
 */
public record ThrottleSchedule(WeeklyWindow window, PriorityLimits inside, PriorityLimits outside) {
}
