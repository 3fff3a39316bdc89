package dev.supernodetwin.core.frame;

/**
 * Where decoded or simulated frames go. Called by one thread; the buffer is only valid during the call.
 */
@FunctionalInterface
public interface FrameSink {
    /** Takes one frame; copy what must outlive the call. */
    void accept(FrameBuffer frame);
}
