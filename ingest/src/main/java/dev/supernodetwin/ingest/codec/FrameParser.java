package dev.supernodetwin.ingest.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses one frame object into a {@link FrameBuffer}. Samples are held as (lane, metric) until the
 * frame ends, because {@code device} may come after {@code metrics}; they are then resolved to sensor
 * indices by arithmetic. Field names come from Jackson's canonical symbol table, so the name look-ups
 * hash cached Strings and allocate nothing.
 */
final class FrameParser {
    private static final Map<String, Metric> METRICS = new HashMap<>();

    static {
        for (Metric m : Metric.values()) {
            METRICS.put(m.wireName(), m);
        }
    }

    private final SensorLayout layout;
    private final DeviceIdTable ids;
    private final int[] laneCount;
    private final DeviceKind[] kindOf;

    private long ts;
    private boolean hasTs;
    private int device;
    private long seq;
    private int lanesLength;
    private int pending;
    private int[] pendingKey = new int[64];
    private double[] pendingValue = new double[64];
    private int unknown;
    private int inapplicable;

    FrameParser(SensorLayout layout) {
        this.layout = layout;
        Topology topology = layout.topology();
        this.ids = new DeviceIdTable(topology);
        int n = topology.deviceCount();
        this.laneCount = new int[n];
        this.kindOf = new DeviceKind[n];
        for (int d = 0; d < n; d++) {
            Device dev = topology.device(d);
            laneCount[d] = dev.laneCount();
            kindOf[d] = dev.kind();
        }
    }

    /** Unknown metric names in the last frame parsed successfully. */
    int unknownMetrics() {
        return unknown;
    }

    /** Known metrics the device's kind does not report, in the last frame parsed successfully. */
    int inapplicableMetrics() {
        return inapplicable;
    }

    /**
     * Parses the frame whose {@code START_OBJECT} is the parser's current token, up to and including
     * its {@code END_OBJECT}, and fills {@code frame}.
     *
     * @throws FrameRejected when the frame breaks a rule; the parser is then somewhere inside the frame
     */
    void parse(JsonParser p, FrameBuffer frame) throws IOException, FrameRejected {
        hasTs = false;
        device = -1;
        seq = FrameBuffer.NO_SEQ;
        lanesLength = 0;
        pending = 0;
        unknown = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "ts" -> readTs(p, value);
                case "device" -> readDevice(p, value);
                case "seq" -> readSeq(p, value);
                case "metrics" -> readMetrics(p, value, -1);
                case "lanes" -> readLanes(p, value);
                default -> p.skipChildren();
            }
        }
        finish(frame);
    }

    private void readTs(JsonParser p, JsonToken value) throws IOException, FrameRejected {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new FrameRejected(RejectReason.BAD_TS,
                    "ts: expected integer epoch milliseconds, got " + Describe.token(p, value));
        }
        long v = p.getLongValue();
        if (v < 0) {
            throw new FrameRejected(RejectReason.BAD_TS, "ts: " + v + " is before 1970");
        }
        ts = v;
        hasTs = true;
    }

    private void readDevice(JsonParser p, JsonToken value) throws IOException, FrameRejected {
        if (value != JsonToken.VALUE_STRING) {
            throw new FrameRejected(RejectReason.WRONG_TYPE, "device: expected a device id string, got "
                    + Describe.token(p, value));
        }
        int d = ids.lookup(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (d < 0) {
            throw new FrameRejected(RejectReason.UNKNOWN_DEVICE,
                    "device: " + Describe.quoted(p.getText()) + " is not in the topology");
        }
        device = d;
    }

    private void readSeq(JsonParser p, JsonToken value) throws IOException, FrameRejected {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new FrameRejected(RejectReason.WRONG_TYPE, "seq: expected an integer, got "
                    + Describe.token(p, value));
        }
        seq = p.getLongValue();
    }

    private void readLanes(JsonParser p, JsonToken value) throws IOException, FrameRejected {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new FrameRejected(RejectReason.WRONG_TYPE, "lanes: expected an array, got "
                    + Describe.token(p, value));
        }
        int lane = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NULL && t != JsonToken.START_OBJECT) {
                throw new FrameRejected(RejectReason.WRONG_TYPE, "lanes[" + lane
                        + "]: expected an object or null, got " + Describe.token(p, t));
            }
            readMetrics(p, t, lane);
            lane++;
        }
        lanesLength = lane;
    }

    /** Reads a metrics object of the device ({@code lane} -1) or of one lane. */
    private void readMetrics(JsonParser p, JsonToken value, int lane) throws IOException, FrameRejected {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new FrameRejected(RejectReason.WRONG_TYPE, "metrics: expected an object, got "
                    + Describe.token(p, value));
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Metric m = METRICS.get(p.currentName());
            JsonToken t = p.nextToken();
            if (m == null) {
                unknown++;
                p.skipChildren();
                continue;
            }
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw new FrameRejected(RejectReason.WRONG_TYPE, Describe.field(lane, m)
                        + ": expected a number, got " + Describe.token(p, t));
            }
            double v = p.getDoubleValue();
            if (!m.isPhysical(v)) {
                throw outOfRange(p, lane, m, v);
            }
            add((lane + 1) << 8 | m.ordinal(), v);
        }
    }

    private static FrameRejected outOfRange(JsonParser p, int lane, Metric m, double v) throws IOException {
        if (!Double.isFinite(v)) {
            return new FrameRejected(RejectReason.NON_FINITE, Describe.field(lane, m) + ": " + p.getText()
                    + " is not a finite number");
        }
        return new FrameRejected(RejectReason.OUT_OF_RANGE, Describe.field(lane, m) + ": " + p.getText()
                + " is outside the physical range " + Describe.range(m));
    }

    private void add(int key, double value) {
        if (pending == pendingKey.length) {
            pendingKey = Arrays.copyOf(pendingKey, pending * 2);
            pendingValue = Arrays.copyOf(pendingValue, pending * 2);
        }
        pendingKey[pending] = key;
        pendingValue[pending] = value;
        pending++;
    }

    private void finish(FrameBuffer frame) throws FrameRejected {
        if (device < 0) {
            throw new FrameRejected(RejectReason.MISSING_DEVICE, "device: missing; every frame names its device");
        }
        if (!hasTs) {
            throw new FrameRejected(RejectReason.MISSING_TS, "ts: missing; every frame carries its sample time");
        }
        if (lanesLength > laneCount[device]) {
            throw new FrameRejected(RejectReason.BAD_LANES, "lanes: " + lanesLength + " entries but "
                    + layout.topology().device(device).id() + " has " + laneCount[device] + " lanes");
        }
        DeviceKind kind = kindOf[device];
        int base = layout.base(device);
        int laneBase = base + kind.deviceMetrics().size();
        int perLane = kind.laneMetrics().size();
        frame.begin(device, ts);
        frame.seq(seq);
        inapplicable = 0;
        for (int i = 0; i < pending; i++) {
            int key = pendingKey[i];
            Metric m = Describe.METRIC_BY_ORDINAL[key & 0xFF];
            int lane = (key >>> 8) - 1;
            int slot = lane < 0 ? kind.deviceSlot(m) : kind.laneSlot(m);
            if (slot < 0) {
                inapplicable++;
            } else {
                frame.add(lane < 0 ? base + slot : laneBase + lane * perLane + slot, pendingValue[i]);
            }
        }
    }
}
