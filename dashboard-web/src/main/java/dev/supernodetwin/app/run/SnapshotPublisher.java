package dev.supernodetwin.app.run;

import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.state.TwinState;

import java.time.InstantSource;
import java.util.Optional;

/**
 * Publishes the twin's state for readers at most every {@code everyMillis}, called by the writer
 * between batches. Freshness is judged against the wall clock, since a live service must show a
 * sensor that stopped reporting as stale even when nothing else arrives. Each published snapshot is
 * also offered to the recent history (kept when history is not in InfluxDB), which keeps one per step of event time.
 */
final class SnapshotPublisher implements Runnable {
    private final TwinState state;
    private final SnapshotBoard board;
    private final Optional<RecentHistory> history;
    private final InstantSource clock;
    private final long everyMillis;
    private long last = Long.MIN_VALUE;

    SnapshotPublisher(TwinState state, SnapshotBoard board, Optional<RecentHistory> history, InstantSource clock,
                      long everyMillis) {
        this.state = state;
        this.board = board;
        this.history = history;
        this.clock = clock;
        this.everyMillis = everyMillis;
    }

    @Override
    public void run() {
        long now = clock.millis();
        if (last == Long.MIN_VALUE || now - last >= everyMillis) {
            StateSnapshot snapshot = state.snapshot(now);
            board.publish(snapshot);
            history.ifPresent(h -> h.record(state.watermark(), snapshot));
            last = now;
        }
    }
}
