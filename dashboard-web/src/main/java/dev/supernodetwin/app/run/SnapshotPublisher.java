package dev.supernodetwin.app.run;

import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.state.TwinState;

import java.time.InstantSource;

/**
 * Publishes the twin's state for readers at most every {@code everyMillis}, called by the writer
 * between batches. Freshness is judged against the wall clock, since a live service must show a
 * sensor that stopped reporting as stale even when nothing else arrives.
 */
final class SnapshotPublisher implements Runnable {
    private final TwinState state;
    private final SnapshotBoard board;
    private final InstantSource clock;
    private final long everyMillis;
    private long last = Long.MIN_VALUE;

    SnapshotPublisher(TwinState state, SnapshotBoard board, InstantSource clock, long everyMillis) {
        this.state = state;
        this.board = board;
        this.clock = clock;
        this.everyMillis = everyMillis;
    }

    @Override
    public void run() {
        long now = clock.millis();
        if (last == Long.MIN_VALUE || now - last >= everyMillis) {
            board.publish(state.snapshot(now));
            last = now;
        }
    }
}
