package dev.supernodetwin.ingest.alerthistory;

import java.util.Objects;
import java.util.Optional;

/**
 * Which history to read: entries with {@code from <= ts <= to}, about {@code device} if given, the newest
 * {@code limit} of them.
 *
 * @param from   earliest time, epoch ms
 * @param to     latest time, epoch ms
 * @param device only entries concerning this device (its id, or its root cause on it)
 * @param limit  at most this many, newest first
 */
public record AlertHistoryQuery(long from, long to, Optional<String> device, int limit) {
    /** Largest limit a query may ask for. */
    public static final int MAX_LIMIT = 10_000;

    /** Checks the window and the limit. */
    public AlertHistoryQuery {
        Objects.requireNonNull(device, "device");
        if (to < from) {
            throw new IllegalArgumentException("alert history window ends (" + to + ") before it starts (" + from + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("alert history limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Whether {@code e} answers this query (time window and device). */
    public boolean matches(AlertHistoryEntry e) {
        return e.ts() >= from && e.ts() <= to && device.map(e::concerns).orElse(true);
    }
}
