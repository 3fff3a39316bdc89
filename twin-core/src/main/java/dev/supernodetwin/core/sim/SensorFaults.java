package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.sim.ResolvedFault.SensorMode;
import dev.supernodetwin.core.state.SensorLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * F17: faults of a sensor, not of the hardware. They act on the reading only, after the physics, so
 * nothing else in the plant (and no other sensor) changes.
 */
final class SensorFaults {
    private final SensorLayout layout;
    private final List<ResolvedFault> faults = new ArrayList<>();
    private final List<Integer> sensorOf = new ArrayList<>();
    private final List<double[]> stuckAt = new ArrayList<>();
    private final byte[] mode;
    private final double[] held;
    private boolean any;

    SensorFaults(SensorLayout layout) {
        this.layout = layout;
        this.mode = new byte[layout.sensorCount()];
        this.held = new double[layout.sensorCount()];
    }

    void add(ResolvedFault f) {
        int[] ix = f.indices();
        Metric metric = Metric.values()[ix[2]];
        int sensor = ix[1] < 0 ? layout.sensor(ix[0], metric) : layout.laneSensor(ix[0], ix[1], metric);
        faults.add(f);
        sensorOf.add(sensor);
        stuckAt.add(new double[] {Double.NaN});
    }

    /**
     * Marks the sensors faulty at {@code t}. Called before the physics overwrites {@code out}, so a
     * sensor that sticks now keeps the value it reported last.
     */
    void update(long t, double[] out) {
        if (any) {
            for (int s : sensorOf) {
                mode[s] = 0;
            }
        }
        any = false;
        for (int i = 0; i < faults.size(); i++) {
            ResolvedFault f = faults.get(i);
            if (!f.activeAt(t)) {
                continue;
            }
            int s = sensorOf.get(i);
            double[] stuck = stuckAt.get(i);
            if (f.mode() == SensorMode.STUCK && Double.isNaN(stuck[0])) {
                stuck[0] = out[s];
            }
            mode[s] = (byte) f.mode().ordinal();
            held[s] = stuck[0];
            any = true;
        }
    }

    /** The value sensor {@code s} reports given the true reading {@code v}; NaN means it reports nothing. */
    double read(int s, double v) {
        if (!any || mode[s] == 0) {
            return v;
        }
        return switch (SensorMode.values()[mode[s]]) {
            case STUCK -> Double.isNaN(held[s]) ? v : held[s];
            case SPIKE -> spike(layout.metricOf(s));
            case DROPOUT -> Double.NaN;
            case NONE -> v;
        };
    }

    /**
     * A value no working sensor would read while the hardware runs: 0 °C on a running chip, −40 dBm on
     * a lit lane (wire format §2), zero for everything else.
     */
    static double spike(Metric metric) {
        return switch (metric.unit()) {
            case DBM, DB -> -40;
            default -> 0;
        };
    }

    /** Whether no sensor fault is active. */
    boolean idle() {
        return !any;
    }
}
