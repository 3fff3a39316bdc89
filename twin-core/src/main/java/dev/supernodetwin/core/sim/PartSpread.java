package dev.supernodetwin.core.sim;

/**
 * Per-part constants that differ from part to part but not over time: fibre and coupling losses, BER
 * floors, laser baselines. Drawn once from their own random stream, a fixed number of draws per lane,
 * so they do not depend on the scenario.
 */
final class PartSpread {
    /** Healthy pre-FEC BER floor, log10 ~ N(−7, 0.3) [EST, domain §8], cut at ±2.5σ to stay in 1e-8…1e-6. */
    static final double BER_FLOOR_MEAN = -7;
    static final double BER_FLOOR_SIGMA = 0.3;

    final double[] fibreLossDb;
    final double[] couplingLossDb;
    final double[] berFloorLog10;
    final double[] ownTxDbm;
    final double[] ownBiasMa;
    final double[] laserOutDbm;
    final double[] laserBiasMa;
    final double[] tecPct;
    final double[] agePct;
    final double[] vccV;

    PartSpread(int devices, int lanes, Noise noise) {
        fibreLossDb = new double[lanes];
        couplingLossDb = new double[lanes];
        berFloorLog10 = new double[lanes];
        ownTxDbm = new double[lanes];
        ownBiasMa = new double[lanes];
        laserOutDbm = new double[lanes];
        laserBiasMa = new double[lanes];
        tecPct = new double[lanes];
        agePct = new double[lanes];
        for (int l = 0; l < lanes; l++) {
            // Fibre, connectors and splices on one direction of a lane: 0.5–1.1 dB [EST from PUB S29].
            fibreLossDb[l] = noise.uniform(0.5, 1.1);
            // ELS-to-engine fibre-to-chip coupling 1–2 dB [WP]: 1.5 ± 0.3 dB.
            couplingLossDb[l] = noise.uniform(1.2, 1.8);
            double z = Math.max(-2.5, Math.min(2.5, noise.gaussian()));
            berFloorLog10[l] = BER_FLOOR_MEAN + BER_FLOOR_SIGMA * z;
            // Engines with their own lasers launch −1…+3 dBm [EST, domain §2.5]; bias 50–70 mA [EST, §8].
            ownTxDbm[l] = noise.uniform(0.0, 1.5);
            ownBiasMa[l] = noise.uniform(50, 70);
            // ELS lasers held by APC at ~15 dBm ± 0.3 (ELSFP classes 11–26 dBm [SEC S21]); bias 90 mA ± 5 % [EST].
            laserOutDbm[l] = 15 + noise.uniform(-0.3, 0.3);
            laserBiasMa[l] = 90 * (1 + noise.uniform(-0.05, 0.05));
            tecPct[l] = 30 + noise.uniform(-3, 3);
            // Lasers in the field are part-way through life: laser age 5–20 % [EST].
            agePct[l] = noise.uniform(5, 20);
        }
        vccV = new double[devices];
        for (int d = 0; d < devices; d++) {
            // Vcc 3.30 ± 0.05 V normal [EST, domain §2.5].
            vccV[d] = 3.30 + noise.uniform(-0.02, 0.02);
        }
    }
}
