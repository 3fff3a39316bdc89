package dev.supernodetwin.core.history;

import dev.supernodetwin.core.state.StateSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The twin's recent history in memory: a ring of periodic columns, one float per sensor, taken from
 * published snapshots on event time (by default one column a second for the last 15 minutes).
 *
 * <p>The ring is bounded in bytes as well as in time: on a large supernode it keeps fewer columns, so
 * the window shrinks instead of the heap growing. One writer thread records; any thread may query.
 * Each column is immutable once published, so a reader never sees a half-written one; a reader racing
 * the writer may miss the newest column or still see the one being replaced, never a torn value.
 */
public final class RecentHistory {
    /** Default column step: one second of event time. */
    public static final long DEFAULT_STEP_MILLIS = 1_000;
    /** Default window: fifteen minutes of event time. */
    public static final long DEFAULT_WINDOW_MILLIS = 15 * 60_000L;
    /** Default memory budget for the columns: 64 MiB. */
    public static final long DEFAULT_BUDGET_BYTES = 64L << 20;
    /** Bytes a column costs beyond its floats (object headers, the time), counted against the budget. */
    static final int COLUMN_OVERHEAD_BYTES = 48;

    private final int sensors;
    private final long stepMillis;
    private final AtomicReferenceArray<Column> ring;
    private int next;
    private long lastStep = Long.MIN_VALUE;
    private volatile long latest = Long.MIN_VALUE;

    /** One instant of every sensor; NaN where the sensor was not fresh. */
    private record Column(long time, float[] values) {
    }

    /** One bucket of a query: the time it starts and the min, mean and max of the values in it. */
    public record Point(long time, double min, double mean, double max) {
    }

    /**
     * @param sensors     sensors per column (the layout's sensor count)
     * @param stepMillis  event time between columns
     * @param windowMillis event time the ring should cover
     * @param budgetBytes memory the columns may take; fewer columns are kept when the window does not fit
     */
    public RecentHistory(int sensors, long stepMillis, long windowMillis, long budgetBytes) {
        if (sensors < 0) {
            throw new IllegalArgumentException("sensors must be >= 0, was " + sensors);
        }
        if (stepMillis < 1 || windowMillis < stepMillis) {
            throw new IllegalArgumentException("step must be >= 1 ms and window >= step, were " + stepMillis
                    + " ms and " + windowMillis + " ms");
        }
        long perColumn = 4L * sensors + COLUMN_OVERHEAD_BYTES;
        long byBudget = budgetBytes / perColumn;
        if (byBudget < 2) {
            throw new IllegalArgumentException("budget " + budgetBytes + " B holds fewer than two columns of "
                    + perColumn + " B");
        }
        this.sensors = sensors;
        this.stepMillis = stepMillis;
        this.ring = new AtomicReferenceArray<>((int) Math.min(windowMillis / stepMillis, byBudget));
    }

    /** A ring with the defaults (1 s columns, 15 min, 64 MiB). */
    public static RecentHistory withDefaults(int sensors) {
        return new RecentHistory(sensors, DEFAULT_STEP_MILLIS, DEFAULT_WINDOW_MILLIS, DEFAULT_BUDGET_BYTES);
    }

    /** How many columns the ring holds at most. */
    public int capacity() {
        return ring.length();
    }

    /** Event time between columns. */
    public long stepMillis() {
        return stepMillis;
    }

    /**
     * Takes a column from {@code snapshot} if a new step of event time has begun since the last one;
     * called by the writer only, after it publishes a snapshot.
     *
     * @param eventTime the twin's event time (its watermark) when the snapshot was taken
     * @return whether a column was recorded
     */
    public boolean record(long eventTime, StateSnapshot snapshot) {
        long step = Math.floorDiv(eventTime, stepMillis);
        if (eventTime == Long.MIN_VALUE || step <= lastStep) {
            return false;
        }
        if (snapshot.layout().sensorCount() != sensors) {
            throw new IllegalArgumentException("snapshot has " + snapshot.layout().sensorCount()
                    + " sensors, the ring " + sensors);
        }
        float[] values = new float[sensors];
        snapshot.copyFreshValues(values);
        ring.set(next, new Column(step * stepMillis, values));
        next = (next + 1) % ring.length();
        lastStep = step;
        latest = step * stepMillis;
        return true;
    }

    /** Time of the newest column, empty before the first. */
    public OptionalLong latest() {
        long t = latest;
        return t == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /**
     * One sensor's values from {@code from} to {@code to} (inclusive), in at most {@code points} buckets
     * of equal width starting at {@code from}; buckets without a value are left out.
     */
    public List<Point> query(int sensor, long from, long to, int points) {
        if (sensor < 0 || sensor >= sensors) {
            throw new IllegalArgumentException("sensor " + sensor + " out of range 0.." + (sensors - 1));
        }
        if (from > to || points < 1) {
            throw new IllegalArgumentException("need from <= to and points >= 1, were " + from + ", " + to + ", "
                    + points);
        }
        long width = Math.max(1, Math.floorDiv(to - from, points) + 1);
        Buckets buckets = new Buckets((int) Math.min(points, (to - from) / width + 1));
        // Order does not matter: every column lands in the bucket its own time says.
        for (int i = 0; i < ring.length(); i++) {
            Column c = ring.get(i);
            if (c != null && c.time() >= from && c.time() <= to) {
                buckets.add((int) ((c.time() - from) / width), c.values()[sensor]);
            }
        }
        return buckets.points(from, width);
    }

    /**
     * A value at the precision the ring stores (float), written back as the shortest double that reads
     * as that float, so that 63.68f is answered as 63.68 and not as 63.68000030517578.
     */
    static double asStored(double v) {
        return Double.parseDouble(Float.toString((float) v));
    }

    /** Min, sum, max and count per bucket, in primitive arrays. */
    private static final class Buckets {
        private final double[] min;
        private final double[] max;
        private final double[] sum;
        private final int[] count;

        Buckets(int n) {
            min = new double[n];
            max = new double[n];
            sum = new double[n];
            count = new int[n];
        }

        void add(int b, float value) {
            if (Float.isNaN(value)) {
                return;
            }
            min[b] = count[b] == 0 ? value : Math.min(min[b], value);
            max[b] = count[b] == 0 ? value : Math.max(max[b], value);
            sum[b] += value;
            count[b]++;
        }

        List<Point> points(long from, long width) {
            List<Point> out = new ArrayList<>();
            for (int b = 0; b < count.length; b++) {
                if (count[b] > 0) {
                    out.add(new Point(from + b * width, asStored(min[b]), asStored(sum[b] / count[b]),
                            asStored(max[b])));
                }
            }
            return out;
        }
    }
}
