package org.drizzle.cmdlets.lang;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DisplayHint note property PowerShell's Get-Date puts on the one DateTime it outputs
 * (Date, Time or DateTime). It belongs to that instance only, as a note property on a PSObject
 * does: a copy made by AddDays, arithmetic or a cast has none. Instances are held weakly.
 */
public final class DisplayHints {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm:ss a", Locale.US);
    private static final ReferenceQueue<Object> GONE = new ReferenceQueue<>();
    private static final List<Tagged> TAGGED = new ArrayList<>();

    private DisplayHints() {
    }

    /** One value with its hint; the value is referenced weakly. */
    private static final class Tagged extends WeakReference<Object> {
        final String hint;

        Tagged(Object value, String hint) {
            super(value, GONE);
            this.hint = hint;
        }
    }

    /** Tags {@code value} (by identity) with {@code hint}: Date, Time or DateTime. */
    public static synchronized void set(OffsetDateTime value, String hint) {
        expunge();
        TAGGED.add(new Tagged(value, hint));
    }

    /** The hint of this very instance, or null. */
    public static synchronized String of(Object value) {
        expunge();
        for (Tagged t : TAGGED) {
            if (t.get() == value) {
                return t.hint;
            }
        }
        return null;
    }

    /** The value as the console shows it: the date only, the time only, or null for the usual form. */
    public static String display(Object value) {
        String hint = value instanceof OffsetDateTime ? of(value) : null;
        if (hint == null || hint.equals("DateTime")) {
            return null;
        }
        OffsetDateTime local = ((OffsetDateTime) value).atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
        return (hint.equals("Date") ? DATE : TIME).format(local);
    }

    private static void expunge() {
        if (GONE.poll() != null) {
            while (GONE.poll() != null) {
                // drain: the list sweep below removes every cleared entry at once
            }
            TAGGED.removeIf(t -> t.get() == null);
        }
    }
}
