package dev.supernodetwin.app.runtime;

import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.dashboard.http.ServiceProbes;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.InstantSource;

/** Probes of the in-process demo: ready once the twin has published state, alive while it keeps doing so. */
public final class DemoProbes implements ServiceProbes {
    private static final long STALE_MS = 10_000;

    private final SnapshotBoard board;
    private final InstantSource clock;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Probes reading what the demo publishes on {@code board}. */
    public DemoProbes(SnapshotBoard board, InstantSource clock, String supernode) {
        this.board = board;
        this.clock = clock;
        registry.config().commonTags("supernode", supernode);
        FunctionCounter.builder("twin_frames_applied", board,
                b -> b.latest().map(StateSnapshot::framesApplied).orElse(0L)).register(registry);
        FunctionCounter.builder("twin_samples_applied", board,
                b -> b.latest().map(StateSnapshot::samplesApplied).orElse(0L)).register(registry);
    }

    @Override
    public Health ready() {
        return board.latest().isPresent() ? new Health(true, "simulating") : new Health(false, "starting");
    }

    @Override
    public Health alive() {
        long age = board.latest().map(s -> clock.millis() - s.takenAt()).orElse(0L);
        return age > STALE_MS ? new Health(false, "no snapshot for " + age / 1000 + " s") : new Health(true, "simulating");
    }

    @Override
    public String metrics() {
        return registry.scrape();
    }
}
