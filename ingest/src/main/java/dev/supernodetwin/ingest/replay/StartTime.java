package dev.supernodetwin.ingest.replay;

import dev.supernodetwin.core.sim.Durations;

import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;

/** Reads a start time as commands take it: an ISO-8601 instant, or a duration ago such as {@code 2h}. */
public final class StartTime {
    private StartTime() {
    }

    /**
     * Parses {@code text}: {@code 2026-11-23T10:00:00Z} or {@code 90m} (that long before {@code clock}'s now).
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Instant parse(String text, InstantSource clock) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty time; write an ISO-8601 instant like 2026-11-23T10:00:00Z"
                    + " or a duration ago like 2h");
        }
        String s = text.trim();
        if (s.indexOf('T') > 0) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant like 2026-11-23T10:00:00Z",
                        e);
            }
        }
        try {
            return clock.instant().minusMillis(Durations.parse(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an ISO-8601 instant like 2026-11-23T10:00:00Z"
                    + " nor a duration ago like 2h", e);
        }
    }
}
