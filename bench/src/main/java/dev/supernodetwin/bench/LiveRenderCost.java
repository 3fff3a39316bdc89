package dev.supernodetwin.bench;

import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.live.LiveMessages;
import dev.supernodetwin.dashboard.live.LiveView;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Cost of one live-stream tick on the render thread (round the snapshot into the view's arrays, write
 * the full and the delta message) and the sizes of the messages, for a simulated supernode. The two
 * snapshots alternate, so every delta carries one simulator period's worth of changes.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.supernodetwin.bench.LiveRenderCost [--preset oio-1024] [--ticks 2000]</pre>
 */
public final class LiveRenderCost {
    private LiveRenderCost() {
    }

    public static void main(String[] args) {
        String preset = "oio-1024";
        int ticks = 2_000;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--preset" -> preset = args[i + 1];
                case "--ticks" -> ticks = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--preset oio-1024] [--ticks 2000]");
            }
        }
        SensorLayout layout = new SensorLayout(Topology.of(Presets.expand(preset, "sn01")));
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        long start = 1_767_225_600_000L;
        Simulator sim = new Simulator(layout, new SimulationSettings(1, start, 500), Scenario.healthy());
        StateSnapshot[] snaps = new StateSnapshot[2];
        for (int t = 0; t < 12; t++) {
            sim.tick(twin::apply);
            snaps[t % 2] = twin.state().snapshot(sim.nextTime() - 1);
        }
        LiveView view = new LiveView(layout);
        LiveMessages messages = new LiveMessages(view.columns());
        double[][] previous = view.newValues();
        double[][] current = view.newValues();
        long[] nanos = new long[ticks];
        int fullBytes = 0;
        int deltaBytes = 0;
        for (int i = 0; i < ticks * 2; i++) {
            long t0 = System.nanoTime();
            StateSnapshot s = snaps[i % 2];
            LiveMessages.Header h = new LiveMessages.Header(i, t0, s.takenAt(), s.framesApplied(), s.samplesApplied(), 0,
                    Optional.empty());
            view.fill(s, current);
            fullBytes = messages.full(h, current).length;
            deltaBytes = messages.delta(h, previous, current).length;
            double[][] swap = previous;
            previous = current;
            current = swap;
            if (i >= ticks) {
                nanos[i - ticks] = System.nanoTime() - t0;
            }
        }
        view.fill(snaps[0], current);
        int unchanged = messages.delta(new LiveMessages.Header(0, 0, 0, 0, 0, 0, Optional.empty()), current, current)
                .length;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s: %,d sensors; render per tick (fill + full + delta) mean %.2f ms, p50 %.2f ms,"
                        + " p99 %.2f ms over %,d ticks after %,d warm-up%n", preset, layout.sensorCount(),
                Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[ticks / 2] / 1e6, nanos[ticks * 99 / 100] / 1e6,
                ticks, ticks);
        System.out.printf(Locale.ROOT, "%s: full %,d B; delta after one simulator period %,d B; delta with no change %,d B%n",
                preset, fullBytes, deltaBytes, unchanged);
    }
}
