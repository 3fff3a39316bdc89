package dev.supernodetwin.dashboard.api.history;

import dev.supernodetwin.core.history.RecentHistory;

import java.util.List;

/**
 * Where {@code GET /api/history} reads one sensor over a time range: the twin's recent history in
 * memory, or InfluxDB when the twin writes history there. Implementations may block; callers run them
 * off the event loop.
 */
public interface HistorySource {
    /** What {@code source} says in answers: {@code memory} or {@code influx}. */
    String name();

    /**
     * The sensor's values in at most {@code query.points()} buckets from {@code query.from()} to
     * {@code query.to()}, oldest first; buckets without values are left out.
     *
     * @throws HistoryUnavailableException when the store cannot answer, saying why
     */
    List<RecentHistory.Point> query(HistoryQuery query);
}
