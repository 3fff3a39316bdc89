package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;

/**
 * Chips and engines: GPU and switch power from the training load and throttling, die and HBM
 * temperature as first-order lags toward coolant + thermal resistance × power, throttle and shutdown
 * at the Hopper thresholds, and optical-engine temperature between its coolant and its host.
 */
final class ThermalModel {
    /** Design point: a GPU at full load on design flow sits at ≈ 70 °C [PUB S5a / EST, domain §8]. */
    static final double DESIGN_TEMP_C = 70;
    /** Part of the thermal resistance that is convective (∝ flow^-0.8); the rest is TIM and die [EST]. */
    static final double CONVECTIVE_SHARE = 0.57;
    static final double DIE_TAU_S = 25;
    static final double HBM_TAU_S = 60;
    /** Engines are slower than the die: the package and substrate between them [EST]. */
    static final double ENGINE_TAU_S = 60;
    /** Engine temperature sits 0.65 of the way from its coolant to its host, plus its own ~3 K [EST]. */
    static final double ENGINE_HOST_COUPLING = 0.65;
    static final double ENGINE_SELF_HEAT_K = 3;
    /** Hopper thresholds: max operating 87, slowdown 89, shutdown 92 °C [PUB S5a]. */
    static final double MAX_OP_C = 87;
    static final double SLOWDOWN_C = 89;
    static final double SHUTDOWN_C = 92;
    /** Throttle flags clear 2 K below where they set, so they do not chatter on noise [EST]. */
    static final double THROTTLE_HYSTERESIS_K = 2;
    static final int SW_THERMAL = 0x20;
    static final int HW_SLOWDOWN = 0x8;
    static final int HW_THERMAL = 0x40;
    static final int XID_OFF_BUS = 79;
    static final double MAX_SM_CLOCK_MHZ = 1980;

    private final Plant plant;
    private final LoadPattern load;
    private final int[] chips;
    private final int[] engines;
    private final double[] resistanceDesign;
    final double[] power;
    final double[] temp;
    final double[] hbm;
    final int[] throttleLevel;
    final boolean[] offBus;
    final boolean[] offBusNow;
    private final double[] engineBase;

    ThermalModel(Plant plant, LoadPattern load) {
        this.plant = plant;
        this.load = load;
        this.chips = java.util.stream.IntStream.concat(plant.topo.devicesOfKind(DeviceKind.GPU).stream(),
                plant.topo.devicesOfKind(DeviceKind.SWITCH).stream()).sorted().toArray();
        this.engines = plant.topo.devicesOfKind(DeviceKind.OE).toArray();
        int n = plant.devices;
        resistanceDesign = new double[n];
        power = new double[n];
        temp = new double[n];
        hbm = new double[n];
        throttleLevel = new int[n];
        offBus = new boolean[n];
        offBusNow = new boolean[n];
        engineBase = new double[n];
        for (int d : chips) {
            resistanceDesign[d] = calibrate(d);
        }
        for (int d = 0; d < n; d++) {
            power[d] = plant.designPowerW[d] * (plant.kind[d] == DeviceKind.OE ? 1 : LoadPattern.MEAN);
        }
    }

    /** K/kW that puts the chip at {@link #DESIGN_TEMP_C} at full design power on design flow. */
    private double calibrate(int d) {
        int p = plant.plate[d];
        double halfRise = p == Plant.NONE ? 0
                : CoolingModel.K_PER_KW_LPM * plant.sumPower(plant.plateHeat[p]) / 1000 / plant.designFlow[p] / 2;
        return (DESIGN_TEMP_C - CoolingModel.SUPPLY_C - halfRise) / (plant.designPowerW[d] / 1000);
    }

    /** Starts every chip and engine at its steady state, so the first frames carry no warm-up transient. */
    void settle(long t, CoolingModel cooling) {
        for (int d : chips) {
            power[d] = chipPower(d, t);
            temp[d] = chipTarget(d, cooling);
            hbm[d] = hbmTarget(d, t);
        }
        for (int d : engines) {
            engineBase[d] = engineTarget(d, cooling);
            temp[d] = engineBase[d];
        }
    }

    /** Advances temperatures by {@code dtSeconds} to event time {@code t}. */
    void step(long t, double dtSeconds, CoolingModel cooling, FaultSet faults) {
        double die = 1 - StrictMath.exp(-dtSeconds / DIE_TAU_S);
        double mem = 1 - StrictMath.exp(-dtSeconds / HBM_TAU_S);
        double eng = 1 - StrictMath.exp(-dtSeconds / ENGINE_TAU_S);
        for (int d : chips) {
            offBusNow[d] = false;
            power[d] = offBus[d] ? 0 : chipPower(d, t);
            temp[d] += (chipTarget(d, cooling) - temp[d]) * die;
            hbm[d] += (hbmTarget(d, t) - hbm[d]) * mem;
            updateThrottle(d);
        }
        for (int d : engines) {
            engineBase[d] += (engineTarget(d, cooling) - engineBase[d]) * eng;
            // F1's hot spot is added on top, unlagged, so its ramp is exactly the scenario's K/min.
            temp[d] = engineBase[d] + faults.engineExtraK[d];
        }
    }

    private double chipPower(int d, long t) {
        double throttle = switch (throttleLevel[d]) {
            case 0 -> 1.0;
            case 1 -> 0.9;
            default -> 0.6; // HW slowdown halves clocks; power falls ~40 % [PUB S4, EST]
        };
        double share = plant.kind[d] == DeviceKind.GPU ? load.at(t) : LoadPattern.SWITCH_SHARE;
        return plant.designPowerW[d] * share * throttle;
    }

    private double chipTarget(int d, CoolingModel cooling) {
        double ratio = Math.max(0.01, cooling.flowRatio(d));
        double r = resistanceDesign[d]
                * (1 - CONVECTIVE_SHARE + CONVECTIVE_SHARE * StrictMath.pow(ratio, -0.8));
        return cooling.coolantAt(d) + r * power[d] / 1000;
    }

    /** HBM runs 5–15 K above the die under load [EST, domain §8]. */
    private double hbmTarget(int d, long t) {
        return temp[d] + 5 + 10 * (offBus[d] ? 0 : load.at(t) / LoadPattern.COMPUTE);
    }

    private double engineTarget(int d, CoolingModel cooling) {
        double coolant = cooling.coolantAt(d);
        int h = plant.host[d];
        double hostTemp = h == Plant.NONE ? coolant : temp[h];
        return coolant + ENGINE_HOST_COUPLING * (hostTemp - coolant) + ENGINE_SELF_HEAT_K;
    }

    private void updateThrottle(int d) {
        // Switch ASICs get the GPU's protection too: no sourced thresholds, same numbers [EST].
        if (offBus[d]) {
            return;
        }
        double t = temp[d];
        int prev = throttleLevel[d];
        int level;
        if (t >= SLOWDOWN_C || prev == 2 && t >= SLOWDOWN_C - THROTTLE_HYSTERESIS_K) {
            level = 2;
        } else if (t >= MAX_OP_C || prev >= 1 && t >= MAX_OP_C - THROTTLE_HYSTERESIS_K) {
            level = 1;
        } else {
            level = 0;
        }
        throttleLevel[d] = level;
        if (t >= SHUTDOWN_C) {
            offBus[d] = true;
            offBusNow[d] = true;
        }
    }

    /** Writes chip and engine readings with their measurement noise. */
    void report(long t, PartSpread parts, Noise noise, double[] out) {
        for (int d : chips) {
            int b = plant.sensorBase[d];
            DeviceKind k = plant.kind[d];
            out[b + k.deviceSlot(Metric.TEMP_C)] = temp[d] + noise.gaussian(0.5);
            out[b + k.deviceSlot(Metric.POWER_W)] = power[d] * (1 + noise.gaussian(0.02));
            if (k == DeviceKind.GPU) {
                reportGpu(d, b, t, noise, out);
            }
        }
        for (int d : engines) {
            int b = plant.sensorBase[d];
            out[b + DeviceKind.OE.deviceSlot(Metric.TEMP_C)] = temp[d] + noise.gaussian(0.2);
            out[b + DeviceKind.OE.deviceSlot(Metric.VCC_V)] = parts.vccV[d] + noise.gaussian(0.005);
            out[b + DeviceKind.OE.deviceSlot(Metric.POWER_W)] = Plant.ENGINE_W * (1 + noise.gaussian(0.01));
        }
    }

    private void reportGpu(int d, int b, long t, Noise noise, double[] out) {
        DeviceKind k = DeviceKind.GPU;
        int level = throttleLevel[d];
        out[b + k.deviceSlot(Metric.HBM_TEMP_C)] = hbm[d] + noise.gaussian(0.5);
        double clock = level == 0 ? MAX_SM_CLOCK_MHZ : level == 1 ? MAX_SM_CLOCK_MHZ * 0.9 : MAX_SM_CLOCK_MHZ / 2;
        out[b + k.deviceSlot(Metric.SM_CLOCK_MHZ)] = clock;
        double util = 100 * load.at(t) / LoadPattern.COMPUTE - 2 * Math.abs(noise.gaussian());
        out[b + k.deviceSlot(Metric.UTIL_PCT)] = Math.max(0, util);
        out[b + k.deviceSlot(Metric.THROTTLE_MASK)] = level == 0 ? 0 : level == 1 ? SW_THERMAL : HW_SLOWDOWN | HW_THERMAL;
        out[b + k.deviceSlot(Metric.XID)] = offBusNow[d] ? XID_OFF_BUS : 0;
        // Healthy counters stay flat; nvlink_crc_total is written by the optical model.
        out[b + k.deviceSlot(Metric.ECC_DBE_TOTAL)] = 0;
        out[b + k.deviceSlot(Metric.REMAP_PENDING)] = 0;
        out[b + k.deviceSlot(Metric.REMAP_UNCORRECTABLE_TOTAL)] = 0;
        out[b + k.deviceSlot(Metric.NVLINK_REPLAY_TOTAL)] = 0;
        out[b + k.deviceSlot(Metric.NVLINK_RECOVERY_TOTAL)] = 0;
        out[b + k.deviceSlot(Metric.PCIE_REPLAY_TOTAL)] = 0;
    }

    /** Steady engine temperature at mean load on design flow: the base an F1 ramp starts from. */
    double nominalEngineTemp(int oe) {
        double coolant = CoolingModel.SUPPLY_C;
        int p = plant.plate[oe];
        double plateW = p == Plant.NONE ? 0 : plant.sumPower(plant.plateHeat[p]) * LoadPattern.MEAN;
        double halfRise = p == Plant.NONE ? 0 : CoolingModel.K_PER_KW_LPM * plateW / 1000 / plant.designFlow[p] / 2;
        coolant += halfRise;
        int h = plant.host[oe];
        double hostTemp = h == Plant.NONE ? coolant
                : coolant + resistanceDesign[h] * plant.designPowerW[h] * LoadPattern.MEAN / 1000;
        return coolant + ENGINE_HOST_COUPLING * (hostTemp - coolant) + ENGINE_SELF_HEAT_K;
    }

    /**
     * Whether device {@code d} reports this tick: a GPU that fell off the bus sends its XID frame, then
     * nothing; a switch past its thermal trip likewise falls silent.
     */
    boolean reports(int d) {
        return !offBus[d] || offBusNow[d];
    }
}
