package dev.supernodetwin.core.detect;

/**
 * EWMA mean and variance per sensor, flagging a sample whose distance from the mean exceeds L σ.
 *
 * <p>The sample is scored against the mean and variance <em>before</em> it is folded in, so a spike is
 * measured against the signal's past, not diluted by itself. Variance follows the exponentially
 * weighted form {@code v ← (1−w)(v + w d²)} with {@code w = λ/4}: the mean must follow the signal, but
 * the noise level changes slowly, and a variance averaged over only 1/λ ≈ 5–10 samples swings enough
 * to turn ordinary noise into 3σ flags. Until 1/(n+1) falls below a weight, the plain running average
 * is used instead, so neither estimate starts biased towards its zero initial value. State per slot: mean and variance as floats (enough for
 * any DOM or DCGM reading), a warm-up count and the flag: 11 bytes.
 */
public final class EwmaZScore {
    /** Bytes of per-slot state (the primitive arrays' elements), for memory accounting. */
    public static final int BYTES_PER_SLOT = 11;

    private final double lambda;
    private final double limit;
    private final int warmup;
    private final double minSigma;
    private final float[] mean;
    private final float[] var;
    private final short[] count;
    private final boolean[] flagged;
    private final double varianceWeight;
    /** Samples after which both weights are fixed and no flag is held back: the per-sample fast path. */
    private final int steady;
    private final double minVar;
    private final double limitSquared;
    private double lastDeviation;
    private double lastVar;

    /** A detector for {@code slots} sensors. */
    public EwmaZScore(EwmaSpec spec, int slots) {
        spec.requireValid();
        this.lambda = spec.lambda();
        this.limit = spec.limit();
        this.warmup = spec.warmup();
        this.minSigma = spec.minSigma();
        this.varianceWeight = lambda / 4;
        this.steady = (int) Math.min(Short.MAX_VALUE, Math.max(warmup, Math.ceil(1 / varianceWeight)));
        this.minVar = minSigma * minSigma;
        this.limitSquared = limit * limit;
        this.mean = new float[slots];
        this.var = new float[slots];
        this.count = new short[slots];
        this.flagged = new boolean[slots];
    }

    /** Takes one reading; returns whether it is flagged. A NaN reading is ignored. */
    public boolean update(int slot, double value) {
        if (Double.isNaN(value)) {
            return flagged[slot];
        }
        int n = count[slot];
        if (n == 0) {
            mean[slot] = (float) value;
            var[slot] = 0f;
            count[slot] = 1;
            lastDeviation = 0;
            return flagged[slot] = false;
        }
        double m = mean[slot];
        double v = var[slot];
        double d = value - m;
        // Compared squared (d² > L² σ²) to keep a square root and a division off the per-sample path.
        double floored = Math.max(v, minVar);
        lastDeviation = d;
        lastVar = floored;
        boolean beyond = d * d > limitSquared * floored;
        if (n >= steady) {
            mean[slot] = (float) (m + lambda * d);
            var[slot] = (float) ((1 - varianceWeight) * (v + varianceWeight * d * d));
            return flagged[slot] = beyond;
        }
        double catchUp = 1.0 / (n + 1);
        double wm = Math.max(lambda, catchUp);
        double wv = Math.max(varianceWeight, catchUp);
        mean[slot] = (float) (m + wm * d);
        var[slot] = (float) ((1 - wv) * (v + wv * d * d));
        count[slot] = (short) (n + 1);
        return flagged[slot] = n >= warmup && beyond;
    }

    /** The z-score of the last reading given to {@link #update}, 0 during the first sample. */
    public double lastZ() {
        return lastVar == 0 ? 0 : Math.abs(lastDeviation) / Math.sqrt(lastVar);
    }

    /** Whether the slot's last reading was flagged. */
    public boolean flagged(int slot) {
        return flagged[slot];
    }

    /** The slot's current EWMA mean (NaN before its first reading). */
    public double mean(int slot) {
        return count[slot] == 0 ? Double.NaN : mean[slot];
    }

    /** The slot's current σ, floored. */
    public double sigma(int slot) {
        return Math.max(Math.sqrt(var[slot]), minSigma);
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
