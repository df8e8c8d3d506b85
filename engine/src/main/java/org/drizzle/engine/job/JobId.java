package org.drizzle.engine.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A job's GUID. Prints in the lower-case braceless form PowerShell shows. */
public record JobId(UUID uuid) implements Comparable<JobId> {
    public JobId {
        Objects.requireNonNull(uuid, "uuid");
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    /** Parses {@code xxxxxxxx-...} with or without braces. */
    @JsonCreator
    public static JobId parse(String text) {
        String t = text.trim();
        if (t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            if (t.length() != 36) {
                throw new IllegalArgumentException();
            }
            return new JobId(UUID.fromString(t));
        } catch (IllegalArgumentException e) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "'" + text + "' is not a valid job id (a GUID).");
        }
    }

    // equals and hashCode written out: a record's own start through an invokedynamic bootstrap on
    // first use, and a job id is hashed on every path of a cold one-shot run.
    @Override
    public boolean equals(Object o) {
        return o instanceof JobId other && uuid.equals(other.uuid);
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @JsonValue
    @Override
    public String toString() {
        return uuid.toString();
    }

    @Override
    public int compareTo(JobId o) {
        return uuid.compareTo(o.uuid);
    }
}
