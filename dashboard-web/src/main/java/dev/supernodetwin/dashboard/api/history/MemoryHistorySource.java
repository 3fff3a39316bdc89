package dev.supernodetwin.dashboard.api.history;

import dev.supernodetwin.core.history.RecentHistory;

import java.util.List;

/** History from the twin's recent in-memory ring: fast, always there, as long as the ring's window. */
public final class MemoryHistorySource implements HistorySource {
    private final RecentHistory history;

    /** @param history the ring the twin's writer records into */
    public MemoryHistorySource(RecentHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public List<RecentHistory.Point> query(HistoryQuery q) {
        return history.query(q.sensor(), q.from(), q.to(), q.points());
    }
}
