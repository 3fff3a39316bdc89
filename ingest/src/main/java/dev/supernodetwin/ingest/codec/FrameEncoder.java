package dev.supernodetwin.ingest.codec;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.Topology;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a {@link FrameBuffer} as a wire-format frame (§2):
 * {@code {"ts":..,"device":"..","seq":..,"metrics":{..},"lanes":[{..},{},..]}}.
 *
 * <p>Output is deterministic: device metrics and lane metrics in the device kind's slot order, lanes in
 * order up to the last lane with a sample, {@code {}} for lanes without. Counters, flags and codes
 * that hold whole numbers are written as integers; other values in Java's round-trippable
 * {@code Double.toString} form. A sensor reported twice in one frame is written once, last value wins.
 *
 * <p>Reuses its buffers: one encoder per thread.
 */
public final class FrameEncoder {
    private static final byte[] TS = ascii("{\"ts\":");
    private static final byte[] DEVICE = ascii(",\"device\":");
    private static final byte[] SEQ = ascii(",\"seq\":");
    private static final byte[] METRICS = ascii(",\"metrics\":{");
    private static final byte[] LANES = ascii(",\"lanes\":[");
    private static final long MAX_EXACT = 1L << 53;

    private final SensorLayout layout;
    private final byte[][] quotedIds;
    private final byte[][] metricKeys;
    private byte[] out = new byte[1024];
    private int len;
    private double[] scratch = new double[0];
    private int[] stamp = new int[0];
    private int generation;

    /** An encoder for frames of {@code layout}'s devices. */
    public FrameEncoder(SensorLayout layout) {
        this.layout = layout;
        Topology topology = layout.topology();
        quotedIds = new byte[topology.deviceCount()][];
        JsonStringEncoder esc = JsonStringEncoder.getInstance();
        for (Device d : topology.devices()) {
            quotedIds[d.index()] = ascii("\"" + new String(esc.quoteAsUTF8(d.id().value()), StandardCharsets.UTF_8)
                    + "\"");
        }
        metricKeys = new byte[Metric.COUNT][];
        for (Metric m : Metric.values()) {
            metricKeys[m.ordinal()] = ascii("\"" + m.wireName() + "\":");
        }
    }

    /** Writes {@code frame} as one JSON object to {@code stream}. */
    public void encode(FrameBuffer frame, OutputStream stream) throws IOException {
        encode(frame);
        stream.write(out, 0, len);
    }

    /** {@code frame} as a fresh byte array of JSON. */
    public byte[] toBytes(FrameBuffer frame) {
        encode(frame);
        return Arrays.copyOf(out, len);
    }

    /**
     * Encodes {@code frame} into this encoder's buffer, valid until the next call.
     *
     * @return the number of bytes written to {@link #buffer()}
     */
    public int encode(FrameBuffer frame) {
        len = 0;
        int device = frame.device();
        int base = layout.base(device);
        int sensors = layout.sensorsOf(device);
        collect(frame, base, sensors);
        var kind = layout.topology().device(device).kind();
        int deviceMetrics = kind.deviceMetrics().size();
        put(TS);
        putLong(frame.timestamp());
        put(DEVICE);
        put(quotedIds[device]);
        if (frame.seq() != FrameBuffer.NO_SEQ) {
            put(SEQ);
            putLong(frame.seq());
        }
        if (anyIn(0, deviceMetrics)) {
            put(METRICS);
            putSamples(0, deviceMetrics, kind.deviceMetrics());
            putByte('}');
        }
        int perLane = kind.laneMetrics().size();
        int lastLane = lastLaneWithSample(deviceMetrics, sensors, perLane);
        if (lastLane >= 0) {
            put(LANES);
            for (int lane = 0; lane <= lastLane; lane++) {
                if (lane > 0) {
                    putByte(',');
                }
                putByte('{');
                int from = deviceMetrics + lane * perLane;
                putSamples(from, from + perLane, kind.laneMetrics());
                putByte('}');
            }
            putByte(']');
        }
        putByte('}');
        return len;
    }

    /** The buffer {@link #encode(FrameBuffer)} wrote into. */
    public byte[] buffer() {
        return out;
    }

    private void collect(FrameBuffer frame, int base, int sensors) {
        if (scratch.length < sensors) {
            scratch = new double[sensors];
            stamp = new int[sensors];
        }
        generation++;
        for (int i = 0; i < frame.size(); i++) {
            int offset = frame.sensor(i) - base;
            if (offset < 0 || offset >= sensors) {
                throw new IllegalArgumentException("sample " + i + " has sensor " + frame.sensor(i)
                        + ", which does not belong to device " + frame.device());
            }
            double v = frame.value(i);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sample " + i + " (" + layout.describe(frame.sensor(i))
                        + ") is " + v + ", which JSON cannot carry");
            }
            scratch[offset] = v;
            stamp[offset] = generation;
        }
    }

    private boolean anyIn(int from, int to) {
        for (int i = from; i < to; i++) {
            if (stamp[i] == generation) {
                return true;
            }
        }
        return false;
    }

    private int lastLaneWithSample(int deviceMetrics, int sensors, int perLane) {
        for (int i = sensors - 1; i >= deviceMetrics; i--) {
            if (stamp[i] == generation) {
                return (i - deviceMetrics) / perLane;
            }
        }
        return -1;
    }

    private void putSamples(int from, int to, java.util.List<Metric> metrics) {
        boolean first = true;
        for (int i = from; i < to; i++) {
            if (stamp[i] != generation) {
                continue;
            }
            if (!first) {
                putByte(',');
            }
            first = false;
            Metric m = metrics.get(i - from);
            put(metricKeys[m.ordinal()]);
            putValue(m, scratch[i]);
        }
    }

    private void putValue(Metric m, double v) {
        if (m.type() != Metric.Type.GAUGE && v == Math.rint(v) && Math.abs(v) < MAX_EXACT
                && !(v == 0 && 1 / v < 0)) {
            putLong((long) v);
        } else {
            String s = Double.toString(v);
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                out[len++] = (byte) s.charAt(i);
            }
        }
    }

    private void putLong(long v) {
        if (v == Long.MIN_VALUE) {
            put(ascii(Long.toString(v)));
            return;
        }
        ensure(20);
        if (v < 0) {
            out[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            out[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, len, bytes.length);
        len += bytes.length;
    }

    private void putByte(char c) {
        ensure(1);
        out[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, len + more));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
