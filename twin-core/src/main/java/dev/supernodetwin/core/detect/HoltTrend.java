package dev.supernodetwin.core.detect;

import java.util.Arrays;

/**
 * Holt's double exponential smoothing per sensor on event time, with irregular intervals, and the
 * time until the smoothed signal reaches a threshold.
 *
 * <p>With {@code dt} the event time since the previous reading, the forecast is
 * {@code ℓ + b·dt}; then {@code ℓ ← α x + (1−α)(ℓ + b·dt)} and
 * {@code b ← β (ℓ' − ℓ)/dt + (1−β) b}, so the trend {@code b} is per millisecond whatever the polling.
 * The one-step forecast errors feed an EWMA of their square, the residual variance.
 *
 * <p>Confidence in a forecast compares the change the trend explains over its own memory
 * ({@code |b| · mean dt / β}) with the residual σ: a trend that moves the signal by much less than its
 * noise is not believed. It is scaled down until {@code minSamples} readings have been seen.
 *
 * <p>State per slot: level, trend, residual variance and mean interval as floats, last time, count:
 * 26 bytes.
 */
public final class HoltTrend {
    /** Bytes of per-slot state (the primitive arrays' elements), for memory accounting. */
    public static final int BYTES_PER_SLOT = 26;

    private static final long NO_TIME = Long.MIN_VALUE;

    private final double alpha;
    private final double beta;
    private final int minSamples;
    private final long minIntervalMs;
    private final float[] level;
    private final float[] trend;
    private final float[] residualVar;
    private final float[] meanDt;
    private final long[] lastTime;
    private final short[] count;

    /** A forecaster for {@code slots} sensors that takes every reading. */
    public HoltTrend(HoltSpec spec, int slots) {
        this(spec, slots, 0);
    }

    /**
     * A forecaster for {@code slots} sensors that takes at most one reading per {@code minIntervalMs}
     * of event time per slot: a trend towards a failure minutes to days away is not learnt better from
     * one-second readings, which only add noise and cost.
     */
    public HoltTrend(HoltSpec spec, int slots, long minIntervalMs) {
        spec.requireValid();
        this.minIntervalMs = Math.max(1, minIntervalMs);
        this.alpha = spec.alpha();
        this.beta = spec.beta();
        this.minSamples = spec.minSamples();
        this.level = new float[slots];
        this.trend = new float[slots];
        this.residualVar = new float[slots];
        this.meanDt = new float[slots];
        this.lastTime = new long[slots];
        Arrays.fill(lastTime, NO_TIME);
        this.count = new short[slots];
    }

    /**
     * Takes one reading at event time {@code timeMs}. NaN readings, readings not after the previous one
     * and readings sooner than the minimum interval after it are ignored.
     */
    public void update(int slot, long timeMs, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        long previous = lastTime[slot];
        if (previous == NO_TIME) {
            level[slot] = (float) value;
            trend[slot] = 0f;
            lastTime[slot] = timeMs;
            count[slot] = 1;
            return;
        }
        long dtMs = timeMs - previous;
        if (dtMs < minIntervalMs) {
            return;
        }
        double dt = dtMs;
        double l = level[slot];
        double b = trend[slot];
        double forecast = l + b * dt;
        double error = value - forecast;
        double l1 = alpha * value + (1 - alpha) * forecast;
        double b1 = beta * (l1 - l) / dt + (1 - beta) * b;
        int n = count[slot];
        // Early errors mostly measure the trend not being known yet; weight them like the trend learns.
        double w = n < 2 ? 1 : beta;
        residualVar[slot] = (float) ((1 - w) * residualVar[slot] + w * error * error);
        meanDt[slot] = (float) (n < 2 ? dt : (1 - beta) * meanDt[slot] + beta * dt);
        level[slot] = (float) l1;
        trend[slot] = (float) b1;
        lastTime[slot] = timeMs;
        if (n < Short.MAX_VALUE) {
            count[slot] = (short) (n + 1);
        }
    }

    /**
     * Milliseconds from the slot's last reading until the smoothed level reaches {@code threshold},
     * or NaN when no crossing is predicted: not enough readings, a flat trend, or a trend pointing
     * away from the threshold, or a level already past it (the static threshold reports that case).
     */
    public double timeToThreshold(int slot, double threshold) {
        if (count[slot] < minSamples) {
            return Double.NaN;
        }
        double l = level[slot];
        double b = trend[slot];
        double distance = threshold - l;
        if (b == 0 || Double.isNaN(threshold)) {
            return Double.NaN;
        }
        double t = distance / b;
        return t < 0 ? Double.NaN : t;
    }

    /**
     * How much the slot's trend can be believed, 0..1: the change the trend explains over its memory
     * against the residual noise, ramped up over the first {@code minSamples} readings.
     */
    public double confidence(int slot) {
        int n = count[slot];
        if (n < 2) {
            return 0;
        }
        double explained = Math.abs(trend[slot]) * meanDt[slot] / beta;
        double noise = Math.sqrt(residualVar[slot]);
        double snr = noise == 0 ? (explained == 0 ? 0 : Double.POSITIVE_INFINITY) : explained / noise;
        double ratio = Double.isInfinite(snr) ? 1 : snr / (1 + snr);
        return ratio * Math.min(1.0, (double) n / minSamples);
    }

    /** The slot's smoothed level (NaN before its first reading). */
    public double level(int slot) {
        return lastTime[slot] == NO_TIME ? Double.NaN : level[slot];
    }

    /** The slot's trend, in the signal's unit per millisecond. */
    public double trendPerMs(int slot) {
        return trend[slot];
    }

    /** Number of slots. */
    public int slots() {
        return level.length;
    }

    /** Bytes of per-slot state, for memory accounting. */
    public long stateBytes() {
        return (long) BYTES_PER_SLOT * level.length;
    }
}
