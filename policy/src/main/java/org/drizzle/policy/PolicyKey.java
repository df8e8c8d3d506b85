package org.drizzle.policy;

/**
 * One policy value: its registry path relative to the BITS policy key (e.g.
 * {@code Throttling\WorkSchedule\StartDay}), its type, the documented range and unit.
 *
 * @param path  subkey and value name joined by backslashes, spelled as Group Policy writes it
 * @param min   smallest allowed DWORD (ignored for strings)
 * @param max   largest allowed DWORD
 * @param unit  what the number counts, for messages and Get-BitsPolicy ("days", "Kbps", ...)
 */
public record PolicyKey(String path, ValueKind kind, long min, long max, String unit, String description) {

    /** The documented range, as rejection messages quote it. */
    public String rangeText() {
        switch (kind) {
            case STRING:
                return "a string";
            case MULTI_STRING:
                return "an array of strings";
            default:
                return min + "-" + max + (unit.isEmpty() ? "" : " " + unit);
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
