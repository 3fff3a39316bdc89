package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;

/**
 * External laser sources. Each laser is held at constant output by its APC loop, so ageing shows as
 * rising bias, TEC current and laser age until end of life, and only then as falling output (F2);
 * a dead laser (F3) emits nothing.
 */
final class LaserModel {
    /** ELS module case temperature, air-cooled [EST]. */
    static final double CASE_C = 35;
    /** TEC set point of the laser chip [EST]. */
    static final double LASER_C = 45;
    /** End of life: bias +20 % at constant power under APC [EST, domain §3.2]. */
    static final double EOL_BIAS_RISE = 0.20;
    /** Past end of life, output falls 1 dB per 10 % of the ageing time [EST]. */
    static final double DB_PER_LIFE_PAST_EOL = 10;
    static final double TEC_RISE_PCT = 20;
    static final double DARK_DBM = -40;

    private final Plant plant;
    private final int[] sources;
    final double[] outDbm;

    LaserModel(Plant plant) {
        this.plant = plant;
        this.sources = plant.topo.devicesOfKind(DeviceKind.ELS).toArray();
        this.outDbm = new double[plant.lanes];
    }

    /** Sets every laser's output for this instant and writes the sources' readings. */
    void step(FaultSet faults, PartSpread parts, Noise noise, double[] out) {
        DeviceKind k = DeviceKind.ELS;
        for (int d : sources) {
            out[plant.sensorBase[d] + k.deviceSlot(Metric.TEMP_C)] = CASE_C + noise.gaussian(0.2);
            int first = plant.firstLane(d);
            for (int l = first, end = first + plant.topo.device(d).laneCount(); l < end; l++) {
                double life = faults.laserLife[l];
                double aged = life < 0 ? 0 : Math.min(1, life);
                double out0 = parts.laserOutDbm[l] - (life > 1 ? DB_PER_LIFE_PAST_EOL * (life - 1) : 0);
                double bias = parts.laserBiasMa[l] * (1 + EOL_BIAS_RISE * aged);
                if (faults.laserDead[l]) {
                    out0 = DARK_DBM;
                    bias = 0;
                }
                outDbm[l] = out0;
                int b = plant.laneSensorBase[l];
                out[b + k.laneSlot(Metric.OUT_DBM)] = out0 + noise.gaussian(0.02);
                out[b + k.laneSlot(Metric.BIAS_MA)] = Math.max(0, bias + noise.gaussian(0.2));
                out[b + k.laneSlot(Metric.LASER_TEMP_C)] = LASER_C + noise.gaussian(0.05);
                out[b + k.laneSlot(Metric.TEC_CURRENT_PCT)] = parts.tecPct[l] + TEC_RISE_PCT * aged + noise.gaussian(0.3);
                out[b + k.laneSlot(Metric.LASER_AGE_PCT)] = parts.agePct[l] + (100 - parts.agePct[l]) * aged;
            }
        }
    }
}
