package dev.supernodetwin.core.detect;

import java.util.Arrays;

/**
 * Turns monotonic {@code _total} counters into per-second rates on event time and flags them.
 *
 * <p>A reading lower than the previous one is a counter reset (driver reload, module swap). Like
 * Prometheus {@code rate()}, the counter is taken to have restarted from 0, so the increase is the
 * new value itself and never negative. Rates divide by the event time actually elapsed, so gaps and
 * irregular polling do not inflate them; a reading not after the open window's start is ignored.
 *
 * <p>State per slot: last value (double: counters reach 2⁵³), window start time, increase so far
 * (float: a window's increase is small), last rate (float) and the level: 25 bytes.
 */
public final class CounterRate {
    /** Bytes of per-slot state (the primitive arrays' elements), for memory accounting. */
    public static final int BYTES_PER_SLOT = 25;

    private static final long NO_TIME = Long.MIN_VALUE;

    private final double minIncrease;
    private final double ratePerSecond;
    private final long windowMs;
    private final int increaseSeverity;
    private final int rateSeverity;
    private final double[] last;
    private final long[] windowStart;
    private final float[] increase;
    private final float[] rate;
    private final byte[] level;

    /** A detector for {@code slots} counters. */
    public CounterRate(CounterRateSpec spec, int slots) {
        spec.requireValid();
        this.minIncrease = spec.minIncrease();
        this.ratePerSecond = spec.ratePerSecond();
        this.windowMs = spec.windowMs();
        this.increaseSeverity = spec.increaseSeverity();
        this.rateSeverity = spec.rateSeverity();
        this.last = new double[slots];
        this.windowStart = new long[slots];
        Arrays.fill(windowStart, NO_TIME);
        this.increase = new float[slots];
        this.rate = new float[slots];
        Arrays.fill(rate, Float.NaN);
        this.level = new byte[slots];
    }

    /**
     * Takes one counter reading at event time {@code timeMs}; returns the slot's level (see
     * {@link #level}). NaN readings are ignored.
     */
    public int update(int slot, long timeMs, double total) {
        if (Double.isNaN(total)) {
            return level(slot);
        }
        long start = windowStart[slot];
        if (start == NO_TIME) {
            last[slot] = total;
            windowStart[slot] = timeMs;
            return 0;
        }
        // Only the window start is kept per slot (memory), so a reading is checked against it: enough
        // to drop duplicates and replays of readings the window has already taken.
        if (timeMs <= start) {
            return level(slot);
        }
        double previous = last[slot];
        double delta = total >= previous ? total - previous : total;
        last[slot] = total;
        float inc = (float) (increase[slot] + delta);
        long elapsed = timeMs - start;
        if (elapsed < windowMs) {
            increase[slot] = inc;
            return level(slot);
        }
        double r = inc * 1000.0 / elapsed;
        rate[slot] = (float) r;
        int l = inc >= minIncrease ? increaseSeverity : 0;
        level[slot] = (byte) Math.max(l, r >= ratePerSecond ? rateSeverity : 0);
        increase[slot] = 0f;
        windowStart[slot] = timeMs;
        return level(slot);
    }

    /** The slot's level from its last closed window: the higher severity of the tests it failed, else 0. */
    public int level(int slot) {
        return level[slot];
    }

    /** Rate per second over the slot's last closed window; NaN before the first window closes. */
    public double rate(int slot) {
        return rate[slot];
    }

    /** Number of slots. */
    public int slots() {
        return last.length;
    }

    /** Bytes of per-slot state, for memory accounting. */
    public long stateBytes() {
        return (long) BYTES_PER_SLOT * last.length;
    }
}
