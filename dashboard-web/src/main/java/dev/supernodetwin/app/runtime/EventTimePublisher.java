package dev.supernodetwin.app.runtime;

import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.state.StateSnapshot;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.twin.FrameListener;

import java.time.InstantSource;

/**
 * Publishes a replayed twin's state for readers at most every {@code everyMillis} of wall time, judged
 * against the twin's event time (its watermark), so a recording shows fresh values however fast or
 * slowly it is replayed and whenever it is paused. Looks at the clock only every 16 frames.
 */
public final class EventTimePublisher implements FrameListener {
    private final TwinState state;
    private final SnapshotBoard board;
    private final RecentHistory history;
    private final InstantSource clock;
    private final long everyMillis;
    private long frames;
    private long last = Long.MIN_VALUE;

    /**
     * @param state       the replayed twin's state
     * @param board       where snapshots go
     * @param history     the recent history each published snapshot is recorded into
     * @param clock       wall clock, for how often
     * @param everyMillis shortest wall time between snapshots
     */
    public EventTimePublisher(TwinState state, SnapshotBoard board, RecentHistory history, InstantSource clock,
                              long everyMillis) {
        this.state = state;
        this.board = board;
        this.history = history;
        this.clock = clock;
        this.everyMillis = everyMillis;
    }

    @Override
    public void onFrame(FrameBuffer frame) {
        if ((++frames & 15) != 0) {
            return;
        }
        long now = clock.millis();
        if (last == Long.MIN_VALUE || now - last >= everyMillis) {
            publish();
            last = now;
        }
    }

    @Override
    public void onIdle() {
        publish();
    }

    /** Publishes now. */
    public void publish() {
        if (state.watermark() != Long.MIN_VALUE) {
            StateSnapshot snapshot = state.snapshot(state.watermark());
            board.publish(snapshot);
            history.record(state.watermark(), snapshot);
        }
    }
}
