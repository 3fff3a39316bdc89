package dev.supernodetwin.core.frame;

import java.util.Arrays;

/**
 * One device's report at one instant, as sensor indices and values: the decoded form of a telemetry
 * frame (wire format §2). Mutable and reused by its single owner so that the hot path allocates
 * nothing per frame or per sample; consumers must copy what they keep.
 */
public final class FrameBuffer {
    /** Marks a frame without a sequence number. */
    public static final long NO_SEQ = Long.MIN_VALUE;

    private int device = -1;
    private long timestamp;
    private long seq = NO_SEQ;
    private int size;
    private int[] sensors;
    private double[] values;

    /** A buffer with room for {@code capacity} samples before it grows. */
    public FrameBuffer(int capacity) {
        int c = Math.max(8, capacity);
        sensors = new int[c];
        values = new double[c];
    }

    /** Starts a new frame for {@code device} at event time {@code timestamp} (epoch ms), dropping old samples. */
    public void begin(int device, long timestamp) {
        this.device = device;
        this.timestamp = timestamp;
        this.seq = NO_SEQ;
        this.size = 0;
    }

    /** Sets the device's sequence number for this frame. */
    public void seq(long seq) {
        this.seq = seq;
    }

    /** Adds one sample. */
    public void add(int sensor, double value) {
        if (size == sensors.length) {
            int grown = size * 2;
            sensors = Arrays.copyOf(sensors, grown);
            values = Arrays.copyOf(values, grown);
        }
        sensors[size] = sensor;
        values[size] = value;
        size++;
    }

    /** Drops the last {@code count} samples (used when a frame turns out to be bad half-way). */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " samples to " + newSize);
        }
        size = newSize;
    }

    /** The device index. */
    public int device() {
        return device;
    }

    /** Event time, epoch milliseconds. */
    public long timestamp() {
        return timestamp;
    }

    /** Sequence number, or {@link #NO_SEQ}. */
    public long seq() {
        return seq;
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** Sensor index of sample {@code i}. */
    public int sensor(int i) {
        return sensors[i];
    }

    /** Value of sample {@code i}. */
    public double value(int i) {
        return values[i];
    }
}
