package dev.supernodetwin.core.state;

/**
 * An immutable copy of the twin's sensors at one moment, safe to read from any thread.
 */
public final class StateSnapshot {
    private static final long NEVER = Long.MIN_VALUE;

    private final SensorLayout layout;
    private final long takenAt;
    private final long watermark;
    private final double[] values;
    private final long[] times;
    private final long[] staleWindows;
    private final long framesApplied;
    private final long samplesApplied;

    StateSnapshot(SensorLayout layout, long takenAt, long watermark, double[] values, long[] times,
                  long[] staleWindows, long framesApplied, long samplesApplied) {
        this.layout = layout;
        this.takenAt = takenAt;
        this.watermark = watermark;
        this.values = values;
        this.times = times;
        this.staleWindows = staleWindows;
        this.framesApplied = framesApplied;
        this.samplesApplied = samplesApplied;
    }

    /** The sensor layout. */
    public SensorLayout layout() {
        return layout;
    }

    /** The time (epoch ms) freshness is judged against. */
    public long takenAt() {
        return takenAt;
    }

    /**
     * The twin's event time when the snapshot was taken: the latest frame time applied (epoch ms), or
     * {@link Long#MIN_VALUE} before the first frame.
     */
    public long watermark() {
        return watermark;
    }

    /** Last value of a sensor; NaN if it never reported. */
    public double value(int sensor) {
        return values[sensor];
    }

    /** Event time of the sensor's last value; {@link Long#MIN_VALUE} if it never reported. */
    public long time(int sensor) {
        return times[sensor];
    }

    /** Whether the sensor's value was current when the snapshot was taken. */
    public Freshness freshness(int sensor) {
        long t = times[sensor];
        if (t == NEVER) {
            return Freshness.MISSING;
        }
        return takenAt - t > staleWindows[layout.deviceOf(sensor)] ? Freshness.STALE : Freshness.FRESH;
    }

    /** The value if fresh, otherwise NaN: what a display should show so stale values never pass as live. */
    public double freshValue(int sensor) {
        return freshness(sensor) == Freshness.FRESH ? values[sensor] : Double.NaN;
    }

    /**
     * Writes every sensor's {@link #freshValue} into {@code into} as a float, device by device, without
     * looking each sensor's device up: what a recorder of whole columns needs once a second.
     */
    public void copyFreshValues(float[] into) {
        if (into.length != values.length) {
            throw new IllegalArgumentException("need " + values.length + " slots, got " + into.length);
        }
        for (int d = 0; d < staleWindows.length; d++) {
            int first = layout.base(d);
            int end = first + layout.sensorsOf(d);
            for (int s = first; s < end; s++) {
                long t = times[s];
                into[s] = t == NEVER || takenAt - t > staleWindows[d] ? Float.NaN : (float) values[s];
            }
        }
    }

    /** Frames applied up to this snapshot. */
    public long framesApplied() {
        return framesApplied;
    }

    /** Samples applied up to this snapshot. */
    public long samplesApplied() {
        return samplesApplied;
    }
}
