package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;

/**
 * Optical-engine lanes: micro-ring heater and detuning from engine temperature, launch power from the
 * feeding laser (or the engine's own), received power across fibre and OCS cross-connects, and the
 * pre-FEC BER, eSNR, FEC, LOS and link state that follow from it. Also counts the NVLink CRC errors a
 * GPU sees when its optical lanes run at high BER.
 */
final class OpticalModel {
    /** Rings lock by heating only (red-shift); above ~80 °C the heater has nothing left [WP, DER S27d]. */
    static final double T_SAT_C = 80;
    /** 0.057 nm/K at 1310 nm [DER S27a] with a 10 mW/nm heater [PUB S27c] → 0.57 mW/K. */
    static final double HEATER_MW_PER_K = 0.57;
    static final double HEATER_RAIL_MW = 30;
    static final double DETUNE_PM_PER_K = 57;
    /** Launch-power penalty of a detuned ring: ~1 dB per 100 pm, a fraction of the ~200 pm linewidth [EST]. */
    static final double DETUNE_DB_PER_PM = 0.01;
    /** Ring modulator insertion loss plus modulation penalty, ≈ 6–7 dB [EST]. */
    static final double MODULATOR_LOSS_DB = 6.8;
    /** OCS cross-connect insertion loss [WP]. */
    static final double OCS_IL_DB = 2.7;
    /** LOS assert / de-assert [PUB S17]. */
    static final double LOS_ASSERT_DBM = -15;
    static final double LOS_DEASSERT_DBM = -9.5;
    /** BER model: log10 BER = −3.62 (the 2.4e-4 FEC limit) at −9 dBm, 0.9 decade per dB below [EST]. */
    static final double BER_REF_DBM = -9;
    static final double BER_AT_REF_LOG10 = -3.62;
    static final double BER_DECADES_PER_DB = 0.9;
    /** Detuned rings: 0.5–1 decade per K above saturation [EST, domain §7 F1]. */
    static final double BER_DECADES_PER_K = 0.7;
    static final double BER_MAX_LOG10 = -0.3;
    static final double FEC_LIMIT = 2.4e-4;
    static final double LINK_DOWN_BER = 1e-3;
    static final double CRC_BER = 1e-5;
    static final double DARK_DBM = -40;

    private final Plant plant;
    private final int[] engines;
    private final int[] gpus;
    final double[] txDbm;
    private final boolean[] los;
    private final double[] ferc;
    private final double[] crc;

    OpticalModel(Plant plant) {
        this.plant = plant;
        this.engines = plant.topo.devicesOfKind(DeviceKind.OE).toArray();
        this.gpus = plant.topo.devicesOfKind(DeviceKind.GPU).toArray();
        txDbm = new double[plant.lanes];
        los = new boolean[plant.lanes];
        ferc = new double[plant.lanes];
        crc = new double[plant.devices];
    }

    /** Launch side: heater, detuning, laser input, bias and transmit power of every engine lane. */
    void transmit(double[] engineTemp, LaserModel lasers, FaultSet faults, PartSpread parts, Noise noise,
                  double[] out) {
        DeviceKind k = DeviceKind.OE;
        for (int d : engines) {
            double t = engineTemp[d];
            double heater = Math.max(0, Math.min(HEATER_RAIL_MW, HEATER_MW_PER_K * (T_SAT_C - t)));
            double detune = t > T_SAT_C ? DETUNE_PM_PER_K * (t - T_SAT_C) : 0;
            double penalty = DETUNE_DB_PER_PM * detune;
            int first = plant.firstLane(d);
            for (int l = first, end = first + plant.topo.device(d).laneCount(); l < end; l++) {
                int b = plant.laneSensorBase[l];
                out[b + k.laneSlot(Metric.MRM_HEATER_MW)] = Math.max(0, heater + noise.gaussian(0.05));
                out[b + k.laneSlot(Metric.MRM_DETUNE_PM)] = detune + noise.gaussian(2);
                int laser = plant.laserOf[l];
                double source = noise.gaussian(0.05);
                if (laser != Plant.NONE) {
                    double in = lasers.outDbm[laser] - parts.couplingLossDb[l] - faults.couplingExtraDb[laser]
                            - 10 * StrictMath.log10(plant.litCount[laser]);
                    txDbm[l] = in - MODULATOR_LOSS_DB - penalty;
                    out[b + k.laneSlot(Metric.LASER_IN_DBM)] = in + source;
                } else {
                    // Own laser under APC: bias follows temperature at ~0.5 mA/K [EST, domain §8].
                    txDbm[l] = parts.ownTxDbm[l] - penalty;
                    out[b + k.laneSlot(Metric.BIAS_MA)] = parts.ownBiasMa[l] + 0.5 * (t - 55) + 4 * source;
                }
                out[b + k.laneSlot(Metric.TX_DBM)] = txDbm[l] + noise.gaussian(0.05);
            }
        }
    }

    /** Receive side: every lane's received power, BER and link state; then the GPUs' CRC counters. */
    void receive(double dtSeconds, double[] engineTemp, FaultSet faults, PartSpread parts, Noise noise,
                 double[] out) {
        for (int d : engines) {
            int first = plant.firstLane(d);
            for (int l = first, end = first + plant.topo.device(d).laneCount(); l < end; l++) {
                receiveLane(l, d, dtSeconds, engineTemp, faults, parts, noise, out);
            }
        }
        int slot = DeviceKind.GPU.deviceSlot(Metric.NVLINK_CRC_TOTAL);
        for (int g : gpus) {
            out[plant.sensorBase[g] + slot] = crc[g];
        }
    }

    private void receiveLane(int l, int d, double dt, double[] engineTemp, FaultSet faults, PartSpread parts,
                             Noise noise, double[] out) {
        double rxNoise = noise.gaussian(0.05);
        double berNoise = noise.gaussian(0.03);
        int far = plant.farLane[l];
        if (far == Plant.NONE) {
            return;
        }
        double loss = parts.fibreLossDb[l] + faults.rxExtraDb[l];
        boolean switching = false;
        boolean dark = false;
        for (int port : plant.linkPairs[plant.linkOfLane[l]]) {
            loss += OCS_IL_DB + faults.pairExtraDb[port];
            switching |= faults.switching[port];
            dark |= faults.darkNow[port];
        }
        double rx = (dark ? DARK_DBM : txDbm[far] - loss) + rxNoise;
        if (rx < LOS_ASSERT_DBM) {
            los[l] = true;
        } else if (rx > LOS_DEASSERT_DBM) {
            los[l] = false;
        }
        // LOS is latched like a CMIS flag: a planned switch shows for the whole sample it overlaps.
        boolean losNow = los[l] || switching;
        double hot = above(engineTemp[d]) + above(engineTemp[plant.topo.laneDevice(far)]);
        double logBer = Math.max(parts.berFloorLog10[l], BER_AT_REF_LOG10 - BER_DECADES_PER_DB * (rx - BER_REF_DBM))
                + BER_DECADES_PER_K * hot + berNoise;
        logBer = Math.min(BER_MAX_LOG10, logBer);
        double ber = StrictMath.pow(10, logBer);
        if (!losNow && ber > FEC_LIMIT) {
            ferc[l] += Math.max(1, Math.round(dt * 1e5 * (ber - FEC_LIMIT)));
        }
        int host = plant.host[d];
        if (!losNow && ber > CRC_BER && host != Plant.NONE && plant.kind[host] == DeviceKind.GPU) {
            crc[host] += Math.round(dt * 1e6 * ber);
        }
        DeviceKind k = DeviceKind.OE;
        int b = plant.laneSensorBase[l];
        out[b + k.laneSlot(Metric.RX_DBM)] = rx;
        out[b + k.laneSlot(Metric.PRE_FEC_BER)] = ber;
        out[b + k.laneSlot(Metric.ESNR_DB)] = 17.5 - 2.2 * (logBer + 7);
        out[b + k.laneSlot(Metric.FERC_TOTAL)] = ferc[l];
        out[b + k.laneSlot(Metric.LOS)] = losNow ? 1 : 0;
        out[b + k.laneSlot(Metric.LINK_UP)] = !losNow && ber <= LINK_DOWN_BER ? 1 : 0;
    }

    private static double above(double t) {
        return t > T_SAT_C ? t - T_SAT_C : 0;
    }

    /** The nominal (noise-free, healthy-link) time an F1 ramp takes the worst lane to the FEC limit. */
    static double kelvinAboveSatToFecLimit(double worstFloorLog10) {
        return Math.max(0, (BER_AT_REF_LOG10 - worstFloorLog10) / BER_DECADES_PER_K);
    }
}
