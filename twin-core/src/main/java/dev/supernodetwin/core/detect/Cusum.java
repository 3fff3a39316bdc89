package dev.supernodetwin.core.detect;

/**
 * Tabular two-sided CUSUM against a baseline learned per sensor: catches small persistent steps
 * (a connector losing 0.5 dB, a BER step) that an EWMA z-score forgives.
 *
 * <p>The first {@code warmup} readings learn the baseline mean and σ (Welford). After that each
 * reading adds {@code z − k} to the upper sum and {@code −z − k} to the lower one, both floored at 0;
 * a sum above {@code h} raises the flag. A reading's z is clamped to ±h and the sums to 2h, and a
 * reading within k of the baseline wipes the sum it argues against (see {@link #update}): steps of two
 * σ or more are found in a few readings, a single wild reading never raises the flag, and the flag
 * drops with the first reading back at baseline. Shifts under about one σ (with σ floored at the
 * smallest change worth reporting) are deliberately not accumulated. The flag stays up while the sum is above 0 and clears when
 * the signal has been back at baseline long enough to drain it: the sums are then 0, i.e. the
 * detector is reset on clear and ready for the next step, without flapping at the boundary.
 *
 * <p>State per slot: baseline mean, 1/σ (holding Welford's M2 during warm-up), both sums, a count and
 * the direction of the flag: 19 bytes.
 */
public final class Cusum {
    /** Bytes of per-slot state (the primitive arrays' elements), for memory accounting. */
    public static final int BYTES_PER_SLOT = 19;

    private final double k;
    private final double h;
    private final int warmup;
    private final double minSigma;
    private final float[] mean;
    /** Welford's M2 during warm-up, then 1/σ (a multiply per sample instead of a divide). */
    private final float[] inverseSigma;
    private final float[] upper;
    private final float[] lower;
    private final short[] count;
    private final byte[] direction;

    /** A detector for {@code slots} sensors. */
    public Cusum(CusumSpec spec, int slots) {
        spec.requireValid();
        this.k = spec.k();
        this.h = spec.h();
        this.warmup = spec.warmup();
        this.minSigma = spec.minSigma();
        this.mean = new float[slots];
        this.inverseSigma = new float[slots];
        this.upper = new float[slots];
        this.lower = new float[slots];
        this.count = new short[slots];
        this.direction = new byte[slots];
    }

    /**
     * Takes one reading; returns +1 when the signal has stepped up, −1 when it has stepped down, 0
     * otherwise (also while learning the baseline). A NaN reading is ignored.
     */
    public int update(int slot, double value) {
        if (Double.isNaN(value)) {
            return direction[slot];
        }
        int n = count[slot];
        if (n < warmup) {
            learn(slot, n, value);
            return 0;
        }
        // Winsorised at ±h: one wild reading (a sensor glitch, a planned switch-over) cannot raise the
        // flag alone, a step must persist for two readings; sums capped at 2h so that the flag clears
        // within about 2h/k readings of the signal's return, however long the step lasted.
        double z = Math.max(-h, Math.min(h, (value - mean[slot]) * inverseSigma[slot]));
        if (z > -k && z < k) {
            // In control, the common case: such a reading wipes both sums (see below); write only if
            // there is something to wipe.
            if (direction[slot] != 0 || upper[slot] != 0f || lower[slot] != 0f) {
                upper[slot] = 0f;
                lower[slot] = 0f;
                direction[slot] = 0;
            }
            return 0;
        }
        double up = Math.min(2 * h, Math.max(0, upper[slot] + z - k));
        double down = Math.min(2 * h, Math.max(0, lower[slot] - z - k));
        upper[slot] = (float) up;
        lower[slot] = (float) down;
        int dir = direction[slot];
        // A reading within k of the baseline (or beyond it on the other side) wipes that side's sum:
        // such a reading only ever takes from the sum, a step worth finding never produces one (k
        // and the σ floor keep steps several k from the mean), and so a lone glitch is forgotten at the
        // next normal reading and a long step's flag ends with the step instead of draining for 2h/k.
        if (z > -k) {
            down = 0;
            lower[slot] = 0f;
        }
        if (z < k) {
            up = 0;
            upper[slot] = 0f;
        }
        if (up > h) {
            dir = 1;
        } else if (down > h) {
            dir = -1;
        } else if (dir > 0 && up == 0 || dir < 0 && down == 0) {
            dir = 0;
        }
        direction[slot] = (byte) dir;
        return dir;
    }

    private void learn(int slot, int n, double value) {
        // Welford: inverseSigma[] holds M2 until the baseline is complete.
        double m = mean[slot];
        double d = value - m;
        double m1 = m + d / (n + 1);
        double m2 = inverseSigma[slot] + d * (value - m1);
        mean[slot] = (float) m1;
        count[slot] = (short) (n + 1);
        inverseSigma[slot] = n + 1 == warmup ? (float) (1 / Math.max(Math.sqrt(m2 / n), minSigma)) : (float) m2;
    }

    /** Forgets the baseline and sums so that the slot learns afresh (after a repair or a replacement). */
    public void rebaseline(int slot) {
        mean[slot] = 0f;
        inverseSigma[slot] = 0f;
        upper[slot] = 0f;
        lower[slot] = 0f;
        count[slot] = 0;
        direction[slot] = 0;
    }

    /** The slot's flag: +1 stepped up, −1 stepped down, 0 none. */
    public int direction(int slot) {
        return direction[slot];
    }

    /** Whether the slot has finished learning its baseline. */
    public boolean ready(int slot) {
        return count[slot] >= warmup;
    }

    /** The learned baseline mean (meaningful once {@link #ready}). */
    public double baselineMean(int slot) {
        return mean[slot];
    }

    /** The learned baseline σ, floored (meaningful once {@link #ready}). */
    public double baselineSigma(int slot) {
        return 1 / inverseSigma[slot];
    }

    /** Number of slots. */
    public int slots() {
        return mean.length;
    }

    /** Bytes of per-slot state, for memory accounting. */
    public long stateBytes() {
        return (long) BYTES_PER_SLOT * mean.length;
    }
}
