package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;

/**
 * The liquid loops: each CDU's pump, flow, supply and return temperature and pressures, and each cold
 * plate's share of the flow and coolant temperature rise. Heat in comes from the devices' powers of
 * the previous step (the loop reacts to what the chips dissipated).
 */
final class CoolingModel {
    /** W32 facility class: 30 °C supply with 2 K margin to the 32 °C class maximum [SEC S30a/b]. */
    static final double SUPPLY_C = 30;
    /** ΔT[K] = 14.3 × P[kW] / flow[L/min] for water [DER, domain §4.1]. */
    static final double K_PER_KW_LPM = 14.3;
    /** Pump inertia τ ≈ 2–5 s [EST, domain §8]. */
    static final double PUMP_TAU_S = 3;
    /** Differential pressure at design flow, within the 0.5–3 bar window [SEC S30b]. */
    static final double DP_DESIGN_KPA = 150;
    /** Loop static pressure 2–6 bar [SEC S30b]. */
    static final double LOOP_KPA = 300;
    static final double PUMP_RPM = 3000;
    /** Room dew point; supply stays ≥ 2–3 K above it [SEC S30b]. */
    static final double DEW_POINT_C = 15;
    /** Flow never reaches zero in the model: the loop thermosyphons a little (keeps ΔT finite). */
    static final double MIN_FLOW_FRACTION = 0.02;

    private final Plant plant;
    private final int[] cdus;
    private final int[] plates;
    private final int[] leaks;
    final double[] pumpHealth;
    final double[] flow;
    final double[] supply;
    final double[] coolantRise;

    CoolingModel(Plant plant) {
        this.plant = plant;
        this.cdus = plant.topo.devicesOfKind(DeviceKind.CDU).toArray();
        this.plates = plant.topo.devicesOfKind(DeviceKind.COLDPLATE).toArray();
        this.leaks = plant.topo.devicesOfKind(DeviceKind.LEAK).toArray();
        int n = plant.devices;
        pumpHealth = new double[n];
        flow = new double[n];
        supply = new double[n];
        coolantRise = new double[n];
        for (int c : cdus) {
            pumpHealth[c] = 1;
        }
    }

    /** Advances the loops by {@code dtSeconds} with the devices dissipating {@code powerW}. */
    void step(double dtSeconds, double[] powerW, FaultSet faults, Noise noise, double[] out) {
        double pumpLag = 1 - StrictMath.exp(-dtSeconds / PUMP_TAU_S);
        for (int c : cdus) {
            pumpHealth[c] += (faults.pumpTarget[c] - pumpHealth[c]) * pumpLag;
            double design = plant.designFlow[c];
            flow[c] = Math.max(MIN_FLOW_FRACTION * design, design * pumpHealth[c] * faults.leakFlowFactor[c]);
            supply[c] = SUPPLY_C + faults.supplyOffsetK[c];
            coolantRise[c] = K_PER_KW_LPM * sum(plant.loopHeat[c], powerW) / 1000 / flow[c];
            double ratio = flow[c] / design;
            int b = plant.sensorBase[c];
            out[b + slot(Metric.SUPPLY_C)] = supply[c] + noise.gaussian(0.2);
            out[b + slot(Metric.RETURN_C)] = supply[c] + coolantRise[c] + noise.gaussian(0.2);
            out[b + slot(Metric.FLOW_LPM)] = flow[c] * (1 + noise.gaussian(0.01));
            out[b + slot(Metric.DP_KPA)] = DP_DESIGN_KPA * ratio * ratio * (1 + noise.gaussian(0.01));
            out[b + slot(Metric.LOOP_KPA)] = LOOP_KPA * faults.loopPressureFactor[c] * (1 + noise.gaussian(0.003));
            out[b + slot(Metric.PUMP_RPM)] = PUMP_RPM * pumpHealth[c] * (1 + noise.gaussian(0.003));
            out[b + slot(Metric.DEW_POINT_C)] = DEW_POINT_C + noise.gaussian(0.1);
        }
        for (int p : plates) {
            int c = plant.loop[p];
            double loopRatio = c == Plant.NONE ? 1 : flow[c] / plant.designFlow[c];
            // A restricted plate loses its own flow; the rest of the loop barely notices (F9: peers normal).
            flow[p] = Math.max(1e-3, plant.designFlow[p] * loopRatio * faults.plateFactor[p]);
            supply[p] = c == Plant.NONE ? SUPPLY_C : supply[c];
            coolantRise[p] = K_PER_KW_LPM * sum(plant.plateHeat[p], powerW) / 1000 / flow[p];
            int b = plant.sensorBase[p];
            out[b + DeviceKind.COLDPLATE.deviceSlot(Metric.INLET_C)] = supply[p] + noise.gaussian(0.2);
            out[b + DeviceKind.COLDPLATE.deviceSlot(Metric.OUTLET_C)] = supply[p] + coolantRise[p] + noise.gaussian(0.2);
            out[b + DeviceKind.COLDPLATE.deviceSlot(Metric.FLOW_LPM)] = flow[p] * (1 + noise.gaussian(0.01));
        }
        for (int leak : leaks) {
            out[plant.sensorBase[leak]] = faults.leakState[leak];
        }
    }

    /** Mean coolant temperature where device {@code d} sits: the plate's inlet plus half its rise. */
    double coolantAt(int d) {
        int p = plant.plate[d];
        if (p != Plant.NONE) {
            return supply[p] + coolantRise[p] / 2;
        }
        int c = plant.loop[d];
        return c == Plant.NONE ? SUPPLY_C : supply[c];
    }

    /** Flow past device {@code d} as a fraction of its design flow. */
    double flowRatio(int d) {
        int p = plant.plate[d];
        if (p != Plant.NONE) {
            return flow[p] / plant.designFlow[p];
        }
        int c = plant.loop[d];
        return c == Plant.NONE ? 1 : flow[c] / plant.designFlow[c];
    }

    private static int slot(Metric m) {
        return DeviceKind.CDU.deviceSlot(m);
    }

    private static double sum(int[] devices, double[] powerW) {
        double w = 0;
        for (int d : devices) {
            w += powerW[d];
        }
        return w;
    }
}
