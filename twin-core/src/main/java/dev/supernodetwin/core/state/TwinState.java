package dev.supernodetwin.core.state;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.topology.Topology;

import java.util.Arrays;

/**
 * The live state of a supernode: every sensor's last value and event time, in int-indexed primitive
 * arrays (16 bytes per sensor), plus each device's reporting cadence.
 *
 * <p>Owned by one writer thread, which applies frames and takes {@link #snapshot snapshots}; readers
 * only ever see snapshots, so they never observe a half-applied frame and need no locks.
 */
public final class TwinState {
    private static final long NEVER = Long.MIN_VALUE;

    private final SensorLayout layout;
    private final StalenessPolicy staleness;
    private final double[] values;
    private final long[] times;
    private final long[] deviceLastFrame;
    private final long[] devicePeriod;
    private long watermark = NEVER;
    private long framesApplied;
    private long samplesApplied;

    /** An empty state for every sensor of {@code layout}. */
    public TwinState(SensorLayout layout, StalenessPolicy staleness) {
        this.layout = layout;
        this.staleness = staleness;
        this.values = new double[layout.sensorCount()];
        this.times = new long[layout.sensorCount()];
        Arrays.fill(values, Double.NaN);
        Arrays.fill(times, NEVER);
        int devices = layout.topology().deviceCount();
        this.deviceLastFrame = new long[devices];
        this.devicePeriod = new long[devices];
        Arrays.fill(deviceLastFrame, NEVER);
    }

    /** The sensor layout. */
    public SensorLayout layout() {
        return layout;
    }

    /** The topology. */
    public Topology topology() {
        return layout.topology();
    }

    /**
     * Applies one frame. A sample older than the sensor's current value (a late duplicate) does not
     * overwrite it, so out-of-order delivery cannot move a sensor back in time.
     */
    public void apply(FrameBuffer frame) {
        long ts = frame.timestamp();
        int device = frame.device();
        for (int i = 0, n = frame.size(); i < n; i++) {
            int s = frame.sensor(i);
            if (ts >= times[s]) {
                values[s] = frame.value(i);
                times[s] = ts;
            }
        }
        learnPeriod(device, ts);
        if (ts > watermark) {
            watermark = ts;
        }
        framesApplied++;
        samplesApplied += frame.size();
    }

    private void learnPeriod(int device, long ts) {
        long last = deviceLastFrame[device];
        if (last != NEVER && ts > last) {
            long gap = ts - last;
            long period = devicePeriod[device];
            // Smooth slowly so one late frame does not widen the staleness window much.
            devicePeriod[device] = period == 0 ? gap : (period * 7 + gap) / 8;
        }
        if (ts > last) {
            deviceLastFrame[device] = ts;
        }
    }

    /** Last value of a sensor; NaN if it never reported. */
    public double value(int sensor) {
        return values[sensor];
    }

    /** Event time of a sensor's last value (epoch ms); {@link Long#MIN_VALUE} if it never reported. */
    public long time(int sensor) {
        return times[sensor];
    }

    /** Whether a sensor's last value is current at {@code now}. */
    public Freshness freshness(int sensor, long now) {
        long t = times[sensor];
        if (t == NEVER) {
            return Freshness.MISSING;
        }
        long window = staleness.windowMillis(devicePeriod[layout.deviceOf(sensor)]);
        return now - t > window ? Freshness.STALE : Freshness.FRESH;
    }

    /**
     * Whether a sensor of {@code device} has gone stale at {@code now}: it reported before, but not
     * within its device's staleness window. For scans over a device's sensors, without looking the
     * device up per sensor.
     */
    public boolean stale(int sensor, int device, long now) {
        long t = times[sensor];
        return t != NEVER && now - t > staleness.windowMillis(devicePeriod[device]);
    }

    /** The latest event time applied; {@link Long#MIN_VALUE} before the first frame. */
    public long watermark() {
        return watermark;
    }

    /** Frames applied so far. */
    public long framesApplied() {
        return framesApplied;
    }

    /** Samples applied so far. */
    public long samplesApplied() {
        return samplesApplied;
    }

    /**
     * A consistent copy of every sensor for readers on other threads. Called by the writer between
     * frames; {@code now} decides freshness (the wall clock live, the event-time watermark in replay).
     */
    public StateSnapshot snapshot(long now) {
        long[] windows = new long[devicePeriod.length];
        for (int d = 0; d < windows.length; d++) {
            windows[d] = staleness.windowMillis(devicePeriod[d]);
        }
        return new StateSnapshot(layout, now, watermark, values.clone(), times.clone(), windows, framesApplied, samplesApplied);
    }
}
