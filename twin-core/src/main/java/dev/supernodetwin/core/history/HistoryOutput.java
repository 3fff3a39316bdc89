package dev.supernodetwin.core.history;

/** Where a {@link Downsampler} puts what history keeps. Called on the downsampler's thread; must not block. */
public interface HistoryOutput {
    /** A window closed for one device or lane. */
    void aggregate(WindowAggregate aggregate);

    /** A state sensor changed value. */
    void stateChange(StateChange change);
}
