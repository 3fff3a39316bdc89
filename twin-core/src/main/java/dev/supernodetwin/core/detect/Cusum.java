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
 * <p>State per slot, interleaved so that one update touches one cache line: baseline mean, 1/σ
 * (holding Welford's M2 during warm-up) and both sums as four floats, and one short that is the count
 * while learning and the direction of the flag after: 18 bytes.
 */
public final class Cusum {
    /** Bytes of per-slot state (the primitive arrays' elements), for memory accounting. */
    public static final int BYTES_PER_SLOT = 18;

    private static final int MEAN = 0;
    /** Welford's M2 during warm-up, then 1/σ (a multiply per sample instead of a divide). */
    private static final int INVERSE_SIGMA = 1;
    private static final int UPPER = 2;
    private static final int LOWER = 3;

    private final double k;
    private final double h;
    private final int warmup;
    private final double minSigma;
    /** Four floats per slot: mean, 1/σ (M2 while learning), upper sum, lower sum. */
    private final float[] state;
    /** Count while learning (below {@code warmup}); {@code warmup + 1 + direction} after. */
    private final short[] meta;

    /** A detector for {@code slots} sensors. */
    public Cusum(CusumSpec spec, int slots) {
        spec.requireValid();
        this.k = spec.k();
        this.h = spec.h();
        this.warmup = spec.warmup();
        this.minSigma = spec.minSigma();
        this.state = new float[slots * 4];
        this.meta = new short[slots];
    }

    /**
     * Takes one reading; returns +1 when the signal has stepped up, −1 when it has stepped down, 0
     * otherwise (also while learning the baseline). A NaN reading is ignored.
     */
    public int update(int slot, double value) {
        int m = meta[slot];
        if (Double.isNaN(value)) {
            return m < warmup ? 0 : m - warmup - 1;
        }
        if (m < warmup) {
            learn(slot, m, value);
            return 0;
        }
        int at = slot * 4;
        float[] st = state;
        double z = Math.max(-h, Math.min(h, (value - st[at + MEAN]) * st[at + INVERSE_SIGMA]));
        int dir = m - warmup - 1;
        if (z > -k && z < k) {
            // In control, the common case: such a reading wipes both sums (see below); write only if
            // there is something to wipe.
            if (dir != 0 || st[at + UPPER] != 0f || st[at + LOWER] != 0f) {
                st[at + UPPER] = 0f;
                st[at + LOWER] = 0f;
                meta[slot] = (short) (warmup + 1);
            }
            return 0;
        }
        double up = Math.min(2 * h, Math.max(0, st[at + UPPER] + z - k));
        double down = Math.min(2 * h, Math.max(0, st[at + LOWER] - z - k));
        // A reading within k of the baseline (or beyond it on the other side) wipes that side's sum:
        // such a reading only ever takes from the sum, a step worth finding never produces one (k
        // and the σ floor keep steps several k from the mean), and so a lone glitch is forgotten at the
        // next normal reading and a long step's flag ends with the step instead of draining for 2h/k.
        if (z > -k) {
            down = 0;
        }
        if (z < k) {
            up = 0;
        }
        st[at + UPPER] = (float) up;
        st[at + LOWER] = (float) down;
        if (up > h) {
            dir = 1;
        } else if (down > h) {
            dir = -1;
        } else if (dir > 0 && up == 0 || dir < 0 && down == 0) {
            dir = 0;
        }
        meta[slot] = (short) (warmup + 1 + dir);
        return dir;
    }

    private void learn(int slot, int n, double value) {
        // Welford: the 1/σ float holds M2 until the baseline is complete.
        int at = slot * 4;
        double m = state[at + MEAN];
        double d = value - m;
        double m1 = m + d / (n + 1);
        double m2 = state[at + INVERSE_SIGMA] + d * (value - m1);
        state[at + MEAN] = (float) m1;
        if (n + 1 == warmup) {
            state[at + INVERSE_SIGMA] = (float) (1 / Math.max(Math.sqrt(m2 / n), minSigma));
            meta[slot] = (short) (warmup + 1);
        } else {
            state[at + INVERSE_SIGMA] = (float) m2;
            meta[slot] = (short) (n + 1);
        }
    }

    /** Forgets the baseline and sums so that the slot learns afresh (after a repair or a replacement). */
    public void rebaseline(int slot) {
        java.util.Arrays.fill(state, slot * 4, slot * 4 + 4, 0f);
        meta[slot] = 0;
    }

    /** The slot's flag: +1 stepped up, −1 stepped down, 0 none. */
    public int direction(int slot) {
        int m = meta[slot];
        return m < warmup ? 0 : m - warmup - 1;
    }

    /** Whether the slot has finished learning its baseline. */
    public boolean ready(int slot) {
        return meta[slot] >= warmup;
    }

    /** The learned baseline mean (meaningful once {@link #ready}). */
    public double baselineMean(int slot) {
        return state[slot * 4 + MEAN];
    }

    /** The learned baseline σ, floored (meaningful once {@link #ready}). */
    public double baselineSigma(int slot) {
        return 1 / state[slot * 4 + INVERSE_SIGMA];
    }

    /** Number of slots. */
    public int slots() {
        return meta.length;
    }

    /** Bytes of per-slot state, for memory accounting. */
    public long stateBytes() {
        return (long) BYTES_PER_SLOT * meta.length;
    }
}
