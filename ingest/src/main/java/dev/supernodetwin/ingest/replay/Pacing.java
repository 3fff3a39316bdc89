package dev.supernodetwin.ingest.replay;

/** Decides when a replayed frame is applied: told each frame's event time before it is applied, it may wait. */
@FunctionalInterface
public interface Pacing {
    /** Called on the replay thread before the frame of event time {@code eventMillis} is applied. */
    void pace(long eventMillis) throws InterruptedException;
}
