package dev.supernodetwin.core.history;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.twin.FrameListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the frame stream into history: per event-time window (aligned to the epoch) it keeps min, max,
 * sum, count and last value of every gauge and counter sensor, and emits one {@link WindowAggregate}
 * per device or lane that reported once the watermark (the largest frame time seen) has passed the
 * window's end plus a lateness grace. State sensors (flags, codes) are not aggregated: each change of
 * value is emitted at once as a {@link StateChange} with its exact time.
 *
 * <p>Late samples: a gauge or counter sample whose window has already been emitted is counted in
 * {@link #lateSamples()} and otherwise ignored. A second, partial point for a window already written
 * would replace the complete one in the history store (same series and time), and keeping closed
 * windows open would cost memory per sensor; the grace is the knob for sources that deliver out of
 * order. State samples are never late: a change is a change whenever it arrives.
 *
 * <p>Two windows are open at most (the grace is shorter than a window), so the hot state is a few
 * primitive arrays indexed by sensor, owned by the twin's writer thread: nothing is allocated per
 * sample or per frame, only per emitted record.
 */
public final class Downsampler implements FrameListener {
    private static final long NONE = Long.MIN_VALUE;
    private static final byte GAUGE = 0;
    private static final byte COUNTER = 1;
    private static final byte STATE = 2;

    private final SensorLayout layout;
    private final long windowMillis;
    private final long latenessMillis;
    private final HistoryOutput output;
    private final byte[] type;
    private final double[] lastState;
    /** Per open window (two slots, by window parity): per-sensor accumulators. */
    private final double[][] min = new double[2][];
    private final double[][] max = new double[2][];
    /** Sum for gauges, last value for counters. */
    private final double[][] sumOrLast = new double[2][];
    private final int[][] count = new int[2][];
    private final long[] slotWindow = {NONE, NONE};
    private long watermark = NONE;
    private long closedThrough = NONE;
    private long lateSamples;
    private long aggregates;
    private long stateChanges;

    /**
     * A downsampler for every sensor of {@code layout}.
     *
     * @param windowMillis   window length in ms, at least 1
     * @param latenessMillis how long after a window's end (in event time) samples for it are still
     *                       taken; at least 0 and shorter than the window
     */
    public Downsampler(SensorLayout layout, long windowMillis, long latenessMillis, HistoryOutput output) {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, was " + windowMillis);
        }
        if (latenessMillis < 0 || latenessMillis >= windowMillis) {
            throw new IllegalArgumentException("lateness must be >= 0 and shorter than the window ("
                    + windowMillis + " ms), was " + latenessMillis);
        }
        this.layout = layout;
        this.windowMillis = windowMillis;
        this.latenessMillis = latenessMillis;
        this.output = output;
        int n = layout.sensorCount();
        this.type = new byte[n];
        this.lastState = new double[n];
        Arrays.fill(lastState, Double.NaN);
        for (int s = 0; s < n; s++) {
            type[s] = switch (layout.metricOf(s).type()) {
                case GAUGE -> GAUGE;
                case COUNTER -> COUNTER;
                case STATE -> STATE;
            };
        }
        for (int slot = 0; slot < 2; slot++) {
            min[slot] = new double[n];
            max[slot] = new double[n];
            sumOrLast[slot] = new double[n];
            count[slot] = new int[n];
        }
    }

    @Override
    public void onFrame(FrameBuffer frame) {
        long ts = frame.timestamp();
        if (ts > watermark) {
            watermark = ts;
            closeDue();
        }
        long w = Math.floorDiv(ts, windowMillis);
        boolean late = w <= closedThrough || (w + 1) * windowMillis + latenessMillis <= watermark;
        int slot = (int) (w & 1);
        if (!late && slotWindow[slot] != w) {
            // The other window of this parity is two or more windows old, so it is already due.
            if (slotWindow[slot] != NONE) {
                close(slot);
            }
            slotWindow[slot] = w;
        }
        for (int i = 0, n = frame.size(); i < n; i++) {
            int s = frame.sensor(i);
            double v = frame.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (type[s] == STATE) {
                changeState(s, v, ts);
            } else if (late) {
                lateSamples++;
            } else {
                fold(slot, s, v);
            }
        }
    }

    /** Emits every open window: the source is idle, so waiting for more samples is pointless. */
    @Override
    public void onIdle() {
        closeOldestFirst(Long.MAX_VALUE);
    }

    private void fold(int slot, int s, double v) {
        int c = count[slot][s];
        if (c == 0) {
            min[slot][s] = v;
            max[slot][s] = v;
            sumOrLast[slot][s] = v;
        } else {
            min[slot][s] = Math.min(min[slot][s], v);
            max[slot][s] = Math.max(max[slot][s], v);
            sumOrLast[slot][s] = type[s] == GAUGE ? sumOrLast[slot][s] + v : v;
        }
        count[slot][s] = c + 1;
    }

    private void changeState(int s, double v, long ts) {
        double previous = lastState[s];
        if (previous == v) {
            return;
        }
        lastState[s] = v;
        stateChanges++;
        output.stateChange(new StateChange(ts, layout.deviceOf(s), layout.laneOf(s), layout.metricOf(s), v));
    }

    /** Closes the open windows whose end plus grace the watermark has reached, oldest first. */
    private void closeDue() {
        closeOldestFirst(watermark);
    }

    /** Closes every open window whose end plus grace is at or before {@code until}, oldest first. */
    private void closeOldestFirst(long until) {
        int first = slotWindow[1] == NONE || (slotWindow[0] != NONE && slotWindow[0] < slotWindow[1]) ? 0 : 1;
        closeIfDue(first, until);
        closeIfDue(1 - first, until);
    }

    private void closeIfDue(int slot, long until) {
        long w = slotWindow[slot];
        if (w != NONE && (until == Long.MAX_VALUE || (w + 1) * windowMillis + latenessMillis <= until)) {
            close(slot);
        }
    }

    private void close(int slot) {
        long w = slotWindow[slot];
        long start = w * windowMillis;
        int[] c = count[slot];
        for (int d = 0, devices = layout.topology().deviceCount(); d < devices; d++) {
            Device device = layout.topology().device(d);
            DeviceKind kind = device.kind();
            int base = layout.base(d);
            int deviceMetrics = kind.deviceMetrics().size();
            int laneMetrics = kind.laneMetrics().size();
            emit(slot, start, d, -1, base, deviceMetrics);
            for (int lane = 0; lane < device.laneCount(); lane++) {
                emit(slot, start, d, lane, base + deviceMetrics + lane * laneMetrics, laneMetrics);
            }
        }
        Arrays.fill(c, 0);
        slotWindow[slot] = NONE;
        closedThrough = Math.max(closedThrough, w);
    }

    private void emit(int slot, long start, int device, int lane, int from, int sensors) {
        List<MetricStats> stats = null;
        for (int s = from; s < from + sensors; s++) {
            int c = count[slot][s];
            if (c == 0 || type[s] == STATE) {
                continue;
            }
            if (stats == null) {
                stats = new ArrayList<>(sensors);
            }
            double mean = type[s] == GAUGE ? sumOrLast[slot][s] / c : Double.NaN;
            double last = type[s] == COUNTER ? sumOrLast[slot][s] : Double.NaN;
            stats.add(new MetricStats(layout.metricOf(s), c, min[slot][s], max[slot][s], mean, last));
        }
        if (stats != null) {
            aggregates++;
            output.aggregate(new WindowAggregate(start, device, lane, stats));
        }
    }

    /** Window length, ms. */
    public long windowMillis() {
        return windowMillis;
    }

    /** The largest frame time seen, epoch ms; {@link Long#MIN_VALUE} before the first frame. */
    public long watermark() {
        return watermark;
    }

    /** Gauge and counter samples that arrived after their window had been emitted, and were left out. */
    public long lateSamples() {
        return lateSamples;
    }

    /** Window aggregates emitted. */
    public long aggregatesEmitted() {
        return aggregates;
    }

    /** State changes emitted. */
    public long stateChangesEmitted() {
        return stateChanges;
    }

    /** Bytes of per-sensor state held (array payloads), divided by the number of sensors. */
    public double bytesPerSensor() {
        long bytes = (long) type.length * Byte.BYTES + (long) lastState.length * Double.BYTES;
        for (int slot = 0; slot < 2; slot++) {
            bytes += (long) (min[slot].length + max[slot].length + sumOrLast[slot].length) * Double.BYTES
                    + (long) count[slot].length * Integer.BYTES;
        }
        return (double) bytes / Math.max(1, type.length);
    }
}
