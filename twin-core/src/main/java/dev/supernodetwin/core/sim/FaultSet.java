package dev.supernodetwin.core.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The faults scheduled so far and what they do to the plant at one instant, as per-index modifiers the
 * models read: pump targets, supply offsets, plate restrictions, extra engine heat, dead or ageing
 * lasers, extra losses, switching ports. Recomputed from scratch every tick, so a fault that clears
 * leaves nothing behind but the plant's own thermal lag.
 */
final class FaultSet {
    /** F11: a leak turns critical one minute after it is first sensed [EST]. */
    static final long LEAK_CRITICAL_AFTER_MS = 60_000;

    private final Plant plant;
    private final List<ResolvedFault> faults = new ArrayList<>();

    final double[] pumpTarget;
    final double[] supplyOffsetK;
    final double[] loopPressureFactor;
    final double[] leakFlowFactor;
    final int[] leakState;
    final double[] plateFactor;
    final double[] engineExtraK;
    final boolean[] laserDead;
    /** F2: fraction of the way from onset to end of life (> 1 past it); negative when the laser is not ageing. */
    final double[] laserLife;
    final double[] couplingExtraDb;
    final double[] rxExtraDb;
    /** F7: extra insertion loss of the cross-connect a port belongs to (set on both ports of the pair). */
    final double[] pairExtraDb;
    /** F8: the port is being reconfigured during the sample period / at the sample instant. */
    final boolean[] switching;
    final boolean[] darkNow;

    FaultSet(Plant plant) {
        this.plant = plant;
        int n = plant.devices;
        int lanes = plant.lanes;
        pumpTarget = new double[n];
        supplyOffsetK = new double[n];
        loopPressureFactor = new double[n];
        leakFlowFactor = new double[n];
        leakState = new int[n];
        plateFactor = new double[n];
        engineExtraK = new double[n];
        laserDead = new boolean[lanes];
        laserLife = new double[lanes];
        couplingExtraDb = new double[lanes];
        rxExtraDb = new double[lanes];
        pairExtraDb = new double[lanes];
        switching = new boolean[lanes];
        darkNow = new boolean[lanes];
    }

    void add(ResolvedFault fault) {
        faults.add(fault);
    }

    List<ResolvedFault> all() {
        return faults;
    }

    /** Sets every modifier for the sample at event time {@code t} covering ({@code t - period}, t]. */
    void update(long t, long period) {
        reset();
        for (ResolvedFault f : faults) {
            if (f.type() == FaultType.F8) {
                switchingWindow(f, t, period);
            } else if (f.type() != FaultType.F17 && f.activeAt(t)) {
                apply(f, t);
            }
        }
    }

    private void reset() {
        Arrays.fill(pumpTarget, 1);
        Arrays.fill(supplyOffsetK, 0);
        Arrays.fill(loopPressureFactor, 1);
        Arrays.fill(leakFlowFactor, 1);
        Arrays.fill(leakState, 0);
        Arrays.fill(plateFactor, 1);
        Arrays.fill(engineExtraK, 0);
        Arrays.fill(laserDead, false);
        Arrays.fill(laserLife, -1);
        Arrays.fill(couplingExtraDb, 0);
        Arrays.fill(rxExtraDb, 0);
        Arrays.fill(pairExtraDb, 0);
        Arrays.fill(switching, false);
        Arrays.fill(darkNow, false);
    }

    private void apply(ResolvedFault f, long t) {
        double minutes = (t - f.onset()) / 60_000.0;
        double m = f.magnitude();
        for (int i : f.indices()) {
            switch (f.type()) {
                case F1 -> engineExtraK[i] += m * minutes;
                case F2 -> laserLife[i] = (t - f.onset()) / (double) f.spec().durationMillis().orElseThrow();
                case F3 -> laserDead[i] = true;
                case F4 -> couplingExtraDb[i] += m;
                case F5 -> rxExtraDb[i] += m;
                case F7 -> {
                    pairExtraDb[i] += m;
                    pairExtraDb[plant.portPartner[i]] += m;
                }
                case F9 -> plateFactor[i] *= m;
                case F10 -> pumpTarget[i] = Math.min(pumpTarget[i], m);
                case F11 -> leak(i, m, t - f.onset(), minutes);
                case F19 -> supplyOffsetK[i] += m * StrictMath.sin(2 * Math.PI * (t - f.onset()) / f.period());
                default -> {
                }
            }
        }
    }

    /**
     * A leak: the sensor warns, then turns critical; the loop's static pressure decays as coolant is
     * lost (10 %/min at the default size, [EST] against the −10 %/h warning of domain §4.2); a large
     * leak (magnitude ≥ 1) starves the pumps too.
     */
    private void leak(int sensor, double m, long sinceOnset, double minutes) {
        leakState[sensor] = sinceOnset < LEAK_CRITICAL_AFTER_MS ? 1 : 2;
        int cdu = plant.loop[sensor];
        double lossPerMinute = Math.min(0.5, 0.2 * m);
        double factor = Math.max(0.05, StrictMath.pow(1 - lossPerMinute, minutes));
        loopPressureFactor[cdu] = Math.min(loopPressureFactor[cdu], factor);
        if (m >= 1) {
            leakFlowFactor[cdu] = Math.min(leakFlowFactor[cdu], Math.max(0.2, factor));
        }
    }

    /** F8: the cross-connect is reconfigured during [onset, end); a sample sees it if its period overlaps. */
    private void switchingWindow(ResolvedFault f, long t, long period) {
        boolean overlaps = f.onset() <= t && f.end() > t - period;
        if (!overlaps) {
            return;
        }
        boolean instant = f.activeAt(t);
        // The whole cross-connect moves, so both directions of the link go dark.
        for (int port : f.indices()) {
            int partner = plant.portPartner[port];
            switching[port] = true;
            switching[partner] = true;
            darkNow[port] |= instant;
            darkNow[partner] |= instant;
        }
    }
}
