package dev.supernodetwin.dashboard.live;

import dev.supernodetwin.app.runtime.SnapshotBoard;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the live stream reads from, once per tick.
 *
 * @param board          the twin's published snapshots
 * @param alertsRevision changes whenever alert events arrive (the alert board's event count)
 * @param replay         the replay state as a JSON object, while replaying; empty otherwise
 */
public record LiveSources(SnapshotBoard board, LongSupplier alertsRevision, Supplier<Optional<String>> replay) {

    /** Sources of a live twin (demo, run): no replay. */
    public static LiveSources live(SnapshotBoard board, LongSupplier alertsRevision) {
        return new LiveSources(board, alertsRevision, Optional::empty);
    }
}
