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

    /** The source has no more frames for now (end of a recording, shutdown): flush what is pending. */
    default void onIdle() {
    }
}
