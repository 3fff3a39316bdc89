package dev.supernodetwin.core.twin;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.state.TwinState;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The twin of one supernode as a stream processor: every frame from any source (Kafka, a recording,
 * the simulator) goes through {@link #apply}, which drops duplicates, updates the state and tells the
 * listeners. Live and replay runs share this path, so they give the same results.
 *
 * <p>One writer thread owns a twin; readers use {@link TwinState#snapshot} through the owner.
 */
public final class Twin {
    /** What became of a frame. */
    public enum Outcome { APPLIED, DUPLICATE }

    private final TwinState state;
    private final DuplicateFilter duplicates;
    private final List<FrameListener> listeners = new CopyOnWriteArrayList<>();
    private long applied;
    private long samples;
    private long duplicateCount;

    /** An empty twin for the topology laid out in {@code layout}. */
    public Twin(SensorLayout layout, StalenessPolicy staleness) {
        this.state = new TwinState(layout, staleness);
        this.duplicates = new DuplicateFilter(layout.topology().deviceCount());
    }

    /** Adds a listener; it sees frames applied from now on. */
    public void addListener(FrameListener listener) {
        listeners.add(listener);
    }

    /** Applies a frame unless it is a duplicate, then tells the listeners. */
    public Outcome apply(FrameBuffer frame) {
        if (!duplicates.admit(frame)) {
            duplicateCount++;
            return Outcome.DUPLICATE;
        }
        state.apply(frame);
        applied++;
        samples += frame.size();
        for (FrameListener l : listeners) {
            l.onFrame(frame);
        }
        return Outcome.APPLIED;
    }

    /**
     * Takes a frame into the state and the duplicate filter without counting it, and passes it to the
     * listeners' {@link FrameListener#onRebuild}: for rebuilding state from frames whose effects were
     * already committed by an earlier owner, so they are neither lost from the state nor applied or
     * reported twice.
     */
    public void rebuild(FrameBuffer frame) {
        if (duplicates.admit(frame)) {
            state.apply(frame);
            for (FrameListener l : listeners) {
                l.onRebuild(frame);
            }
        }
    }

    /** Tells the listeners the source is idle, so they flush. */
    public void idle() {
        for (FrameListener l : listeners) {
            l.onIdle();
        }
    }

    /** Sets the applied-frame count carried over from a previous run (see {@link #rebuild}). */
    public void resumeCounts(long appliedBefore, long samplesBefore) {
        this.applied = appliedBefore;
        this.samples = samplesBefore;
    }

    /** The state. */
    public TwinState state() {
        return state;
    }

    /** Frames applied. */
    public long applied() {
        return applied;
    }

    /** Samples in the frames applied. */
    public long samples() {
        return samples;
    }

    /** Frames dropped as duplicates. */
    public long duplicates() {
        return duplicateCount;
    }
}
