package dev.supernodetwin.bench;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.FrameEncoder;
import dev.supernodetwin.ingest.codec.RejectionSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Decoding throughput of Kafka-sized records from the optical engines of a {@code cpo-72} supernode:
 * 16 frames per record, each with the engine's 3 device metrics and 10 metrics on each of its 8 lanes
 * (every lane metric but {@code bias_ma}, which engines fed by external lasers do not report). One
 * operation is one sample, so the score reads as samples per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameDecodeBenchmark {
    static final int FRAMES_PER_RECORD = 16;
    static final int LANES = 8;
    static final List<Metric> DEVICE_METRICS = List.of(Metric.TEMP_C, Metric.VCC_V, Metric.POWER_W);
    static final List<Metric> LANE_METRICS = List.of(Metric.TX_DBM, Metric.RX_DBM, Metric.LASER_IN_DBM,
            Metric.PRE_FEC_BER, Metric.ESNR_DB, Metric.FERC_TOTAL, Metric.MRM_HEATER_MW, Metric.MRM_DETUNE_PM,
            Metric.LOS, Metric.LINK_UP);
    static final int SAMPLES_PER_RECORD = FRAMES_PER_RECORD * (3 + LANES * 10);
    private static final int RECORDS = 256;

    private byte[][] records;
    private FrameDecoder decoder;
    private final Counter counter = new Counter();
    private int next;

    /** Counts samples so that the decoded frames are used. */
    static final class Counter implements FrameSink {
        long samples;

        @Override
        public void accept(FrameBuffer frame) {
            samples += frame.size();
        }
    }

    @Setup
    public void setUp() throws IOException {
        SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("cpo-72", "sn01")));
        decoder = new FrameDecoder(layout);
        records = records(layout, new Random(20251123));
        long before = decoder.samplesDecoded();
        for (byte[] r : records) {
            decoder.decode(r, 0, r.length, counter, RejectionSink.ignoring());
        }
        if (decoder.rejections() != 0 || decoder.samplesDecoded() - before != (long) RECORDS * SAMPLES_PER_RECORD) {
            throw new IllegalStateException("benchmark records do not decode to " + SAMPLES_PER_RECORD + " samples each");
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES_PER_RECORD)
    public int decodeRecordOf16EngineFrames() {
        byte[] r = records[next++ & (RECORDS - 1)];
        return decoder.decode(r, 0, r.length, counter, RejectionSink.ignoring());
    }

    static byte[][] records(SensorLayout layout, Random random) throws IOException {
        IntSeq engines = layout.topology().devicesOfKind(DeviceKind.OE);
        FrameEncoder encoder = new FrameEncoder(layout);
        FrameBuffer frame = new FrameBuffer(128);
        byte[][] out = new byte[RECORDS][];
        long ts = 1_763_924_400_000L;
        for (int r = 0; r < RECORDS; r++) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            record.write('[');
            for (int f = 0; f < FRAMES_PER_RECORD; f++) {
                int device = engines.get(random.nextInt(engines.size()));
                frame.begin(device, ts + r * 100L + f);
                frame.seq(r * FRAMES_PER_RECORD + f);
                for (Metric m : DEVICE_METRICS) {
                    frame.add(layout.sensor(device, m), deviceValue(m, random));
                }
                for (int lane = 0; lane < LANES; lane++) {
                    for (Metric m : LANE_METRICS) {
                        frame.add(layout.laneSensor(device, lane, m), laneValue(m, random));
                    }
                }
                if (f > 0) {
                    record.write(',');
                }
                encoder.encode(frame, record);
            }
            record.write(']');
            out[r] = record.toByteArray();
        }
        return out;
    }

    private static double deviceValue(Metric m, Random random) {
        return switch (m) {
            case TEMP_C -> round(55 + random.nextDouble() * 15, 2);
            case VCC_V -> round(3.25 + random.nextDouble() * 0.1, 3);
            default -> round(9 + random.nextDouble() * 4, 2);
        };
    }

    private static double laneValue(Metric m, Random random) {
        return switch (m) {
            case TX_DBM -> round(0.5 + random.nextDouble() * 1.5, 2);
            case RX_DBM -> round(-3.5 + random.nextDouble() * 2.5, 2);
            case LASER_IN_DBM -> round(10 + random.nextDouble() * 2, 2);
            case PRE_FEC_BER -> round(1 + random.nextDouble() * 9, 2) * 1e-8;
            case ESNR_DB -> round(17 + random.nextDouble() * 3, 2);
            case FERC_TOTAL -> random.nextInt(40);
            case MRM_HEATER_MW -> round(3 + random.nextDouble() * 3, 3);
            case MRM_DETUNE_PM -> round(-20 + random.nextDouble() * 40, 1);
            case LOS -> 0;
            default -> 1;
        };
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
