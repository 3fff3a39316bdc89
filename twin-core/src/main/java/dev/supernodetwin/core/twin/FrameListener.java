package dev.supernodetwin.core.twin;

import dev.supernodetwin.core.frame.FrameBuffer;

/**
 * Told of every frame the twin applies, on the writer thread, after the state has taken it: the port
 * for history, detection and anything else that follows the stream. Must not block; copy what must
 * outlive the call.
 */
public interface FrameListener {
    /** One applied frame. */
    void onFrame(FrameBuffer frame);

    /**
     * A frame re-read to rebuild state after this supernode moved to a new owner (a restart, a rebalance):
     * an earlier owner already applied and reported it. Update what is derived from it (baselines, open
     * alerts) but report nothing new; the default ignores it, which suits outputs that the earlier owner
     * already wrote, such as history.
     */
    default void onRebuild(FrameBuffer frame) {
    }

    /** The source has no more frames for now (end of a recording, shutdown): flush what is pending. */
    default void onIdle() {
    }
}
