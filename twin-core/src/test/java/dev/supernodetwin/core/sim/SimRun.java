package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drives a simulator in tests: keeps every tick's readings (NaN where a sensor reported nothing) and a
 * {@link TwinState} fed with the same frames, and names sensors the way scenarios do.
 */
final class SimRun {
    static final long START = 1_763_924_400_000L;

    final Topology topo;
    final SensorLayout layout;
    final Simulator sim;
    final TwinState state;
    final List<double[]> ticks = new ArrayList<>();
    final List<Long> times = new ArrayList<>();
    private final boolean keep;

    private SimRun(Topology topo, long seed, Scenario scenario, boolean keep) {
        this.topo = topo;
        this.layout = new SensorLayout(topo);
        this.sim = new Simulator(layout, new SimulationSettings(seed, START, 1000), scenario);
        this.state = new TwinState(layout, StalenessPolicy.DEFAULT);
        this.keep = keep;
    }

    static SimRun tiny(long seed, FaultSpec... faults) {
        return new SimRun(Topology.of(TinyTopology.document()), seed, new Scenario(List.of(faults)), true);
    }

    static SimRun preset(String name, long seed, FaultSpec... faults) {
        return new SimRun(Topology.of(Presets.expand(name, "sn01")), seed, new Scenario(List.of(faults)), true);
    }

    static SimRun presetStateOnly(String name, long seed, FaultSpec... faults) {
        return new SimRun(Topology.of(Presets.expand(name, "sn01")), seed, new Scenario(List.of(faults)), false);
    }

    SimRun run(int count) {
        for (int i = 0; i < count; i++) {
            double[] row = keep ? new double[layout.sensorCount()] : null;
            if (row != null) {
                Arrays.fill(row, Double.NaN);
            }
            times.add(sim.nextTime());
            sim.tick((FrameBuffer f) -> {
                state.apply(f);
                if (row != null) {
                    for (int i2 = 0; i2 < f.size(); i2++) {
                        row[f.sensor(i2)] = f.value(i2);
                    }
                }
            });
            if (row != null) {
                ticks.add(row);
            }
        }
        return this;
    }

    /** Sensor of {@code "DEVICE"} or {@code "DEVICE#LANE"} and a metric. */
    int sensor(String where, Metric metric) {
        int hash = where.indexOf('#');
        if (hash < 0) {
            return layout.sensor(topo.indexOf(where).orElseThrow(), metric);
        }
        int lane = topo.lane(where).orElseThrow();
        return layout.laneSensor(lane, metric);
    }

    /** The value at tick {@code i} (NaN if not reported). */
    double at(int i, String where, Metric metric) {
        return ticks.get(i)[sensor(where, metric)];
    }

    double at(int i, int sensor) {
        return ticks.get(i)[sensor];
    }

    /** The last value the twin state holds. */
    double last(String where, Metric metric) {
        return state.value(sensor(where, metric));
    }

    /** Index of the first tick at or after {@code offsetMillis} from the start. */
    static int tickAt(long offsetMillis) {
        return (int) (offsetMillis / 1000);
    }
}
