package dev.supernodetwin.app.runtime;

import dev.supernodetwin.core.state.StateSnapshot;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the writer thread pins its latest snapshot and any reader picks it up. Readers never wait for
 * the writer and never see a half-applied frame.
 */
public final class SnapshotBoard {
    private final AtomicReference<StateSnapshot> latest = new AtomicReference<>();

    /** Replaces the published snapshot; called by the writer only. */
    public void publish(StateSnapshot snapshot) {
        latest.set(snapshot);
    }

    /** The latest snapshot, empty before the first one. */
    public Optional<StateSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }
}
