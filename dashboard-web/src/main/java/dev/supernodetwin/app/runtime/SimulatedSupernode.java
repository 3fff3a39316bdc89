package dev.supernodetwin.app.runtime;

import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.twin.Twin;

import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs the simulator in real time and feeds the twin in-process: every period, one tick of physics is
 * applied to the twin (and so to its listeners, such as detection), a snapshot is published and recorded
 * into the recent history.
 * Simulation and twin share one thread, so the twin keeps its single writer.
 */
public final class SimulatedSupernode implements AutoCloseable {
    private final Simulator simulator;
    private final Twin twin;
    private final TwinState state;
    private final SnapshotBoard board;
    private final RecentHistory history;
    private final InstantSource clock;
    private final long periodMillis;
    private final ScheduledExecutorService writer;
    private final AtomicLong ticks = new AtomicLong();
    private final Consumer<Throwable> onFailure;

    /**
     * @param simulator    the simulator, whose event time starts near the clock's now
     * @param twin         the twin this runtime becomes the writer of
     * @param board        where snapshots are published
     * @param history      where published snapshots are recorded, on the twin's event time
     * @param clock        wall clock, for pacing and freshness
     * @param periodMillis simulation period
     * @param onFailure    told if a tick throws (the runtime keeps ticking)
     */
    public SimulatedSupernode(Simulator simulator, Twin twin, SnapshotBoard board, RecentHistory history,
                              InstantSource clock, long periodMillis, Consumer<Throwable> onFailure) {
        this.simulator = simulator;
        this.twin = twin;
        this.state = twin.state();
        this.board = board;
        this.history = history;
        this.clock = clock;
        this.periodMillis = periodMillis;
        this.onFailure = onFailure;
        this.writer = Daemons.scheduler("twin-writer-" + state.topology().supernode());
    }

    /** Starts ticking at the simulation period. */
    public void start() {
        board.publish(state.snapshot(clock.millis()));
        writer.scheduleAtFixedRate(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            // Catch up if the writer fell behind, but never simulate ahead of the wall clock.
            while (simulator.nextTime() <= clock.millis()) {
                simulator.tick(twin::apply);
                ticks.incrementAndGet();
            }
            StateSnapshot snapshot = state.snapshot(clock.millis());
            board.publish(snapshot);
            history.record(state.watermark(), snapshot);
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    /** Injects a fault on the writer thread, so the simulator keeps a single owner. */
    public void inject(FaultSpec fault) {
        writer.execute(() -> {
            try {
                simulator.inject(fault);
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        });
    }

    /**
     * Injects a fault whose onset is the simulator's next tick, on the writer thread.
     *
     * @return the onset (event time, epoch ms), or failed with the simulator's {@link IllegalArgumentException}
     *         listing the problems when the fault does not fit the topology
     */
    public CompletableFuture<Long> injectNow(FaultSpec fault) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        try {
            writer.execute(() -> {
                try {
                    long onset = simulator.nextTime();
                    simulator.inject(new FaultSpec(fault.type(), fault.target(),
                            onset - simulator.settings().startMillis(), fault.durationMillis(), fault.magnitude(),
                            fault.mode()));
                    done.complete(onset);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("the simulator has stopped", e));
        }
        return done;
    }

    /** Ticks simulated so far. */
    public long ticks() {
        return ticks.get();
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
