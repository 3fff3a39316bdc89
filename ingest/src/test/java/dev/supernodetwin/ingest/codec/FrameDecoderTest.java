package dev.supernodetwin.ingest.codec;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrameDecoderTest {
    private final SensorLayout layout = new SensorLayout(Topology.of(TinyTopology.document()));
    private final FrameDecoder decoder = new FrameDecoder(layout);
    private final List<String> frames = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final int oe = layout.topology().indexOf("tn/gpu0/oe0").getAsInt();
    private final int gpu = layout.topology().indexOf("tn/gpu0").getAsInt();

    private int decode(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, 0, bytes.length, this::record, rejections::add);
    }

    /** Keeps a readable copy, since the buffer is reused. */
    private void record(FrameBuffer f) {
        StringBuilder sb = new StringBuilder();
        sb.append(layout.topology().device(f.device()).id()).append('@').append(f.timestamp());
        if (f.seq() != FrameBuffer.NO_SEQ) {
            sb.append(" seq=").append(f.seq());
        }
        for (int i = 0; i < f.size(); i++) {
            sb.append(' ').append(layout.describe(f.sensor(i)).replaceFirst("^\\S+ ", "").replace(' ', ':'));
            String lane = layout.laneOf(f.sensor(i)) < 0 ? "" : "#" + layout.laneOf(f.sensor(i));
            sb.append(lane).append('=').append(f.value(i));
        }
        frames.add(sb.toString());
    }

    @Test
    void aFailureOfTheFrameTakerPropagatesAndIsNotCountedAsMalformedInput() {
        byte[] good = "{\"ts\": 1, \"device\": \"tn/gpu0\", \"metrics\": {\"temp_c\": 60}}"
                .getBytes(StandardCharsets.UTF_8);
        IllegalStateException bug = new IllegalStateException("a listener failed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode(good, 0, good.length, f -> {
            throw bug;
        }, rejections::add)).isSameAs(bug);
        assertThat(rejections).isEmpty();
        assertThat(decoder.rejections()).isZero();
    }

    @Test
    void decodesASingleFrameWithDeviceAndLaneMetrics() {
        int n = decode("""
                {"ts": 1763924400123, "device": "tn/gpu0/oe0", "seq": 8812,
                 "metrics": {"temp_c": 61.2, "vcc_v": 3.31},
                 "lanes": [{"tx_dbm": 1.1, "rx_dbm": -2.3, "pre_fec_ber": 3.1e-8, "mrm_heater_mw": 4.2}, {}, null,
                           {"los": 1}]}""");

        assertThat(n).isEqualTo(1);
        assertThat(rejections).isEmpty();
        assertThat(frames).containsExactly("tn/gpu0/oe0@1763924400123 seq=8812 temp_c=61.2 vcc_v=3.31"
                + " tx_dbm#0=1.1 rx_dbm#0=-2.3 pre_fec_ber#0=3.1E-8 mrm_heater_mw#0=4.2 los#3=1.0");
        assertThat(decoder.framesDecoded()).isEqualTo(1);
        assertThat(decoder.samplesDecoded()).isEqualTo(7);
    }

    @Test
    void resolvesSamplesToTheSensorsOfTheLayout() {
        List<int[]> sensors = new ArrayList<>();
        byte[] json = "{\"ts\":5,\"device\":\"tn/gpu0/oe0\",\"lanes\":[null,{\"rx_dbm\":-3}],\"metrics\":{\"temp_c\":50}}"
                .getBytes(StandardCharsets.UTF_8);
        decoder.decode(json, f -> sensors.add(new int[] {f.sensor(0), f.sensor(1)}), rejections::add);

        assertThat(sensors).containsExactly(new int[] {layout.laneSensor(oe, 1, Metric.RX_DBM),
                layout.sensor(oe, Metric.TEMP_C)});
    }

    @Test
    void acceptsFieldsInAnyOrderAndFramesWithoutSeqOrMetrics() {
        decode("{\"metrics\":{\"temp_c\":40},\"device\":\"tn/gpu0\",\"ts\":7}");
        decode("{\"ts\":8,\"device\":\"tn/gpu0\"}");

        assertThat(rejections).isEmpty();
        assertThat(frames).containsExactly("tn/gpu0@7 temp_c=40.0", "tn/gpu0@8");
    }

    @Test
    void deliversEveryFrameOfAnArrayRecord() {
        int n = decode("[{\"ts\":1,\"device\":\"tn/gpu0\",\"metrics\":{\"power_w\":700}},"
                + "{\"ts\":1,\"device\":\"tn/gpu1\",\"seq\":3,\"metrics\":{\"power_w\":710}}]");

        assertThat(n).isEqualTo(2);
        assertThat(frames).containsExactly("tn/gpu0@1 power_w=700.0", "tn/gpu1@1 seq=3 power_w=710.0");
    }

    @Test
    void deliversGoodFramesAroundABadOneInTheSameArray() {
        int n = decode("[{\"ts\":1,\"device\":\"tn/gpu0\"},"
                + "{\"ts\":2,\"device\":\"tn/nope\",\"metrics\":{\"temp_c\":[1,{\"x\":2}]}},"
                + "{\"ts\":3,\"device\":\"tn/gpu1\"}]");

        assertThat(n).isEqualTo(2);
        assertThat(frames).containsExactly("tn/gpu0@1", "tn/gpu1@3");
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_DEVICE);
            assertThat(r.frameIndex()).isEqualTo(1);
            assertThat(r.detail()).contains("tn/nope");
        });
    }

    @Test
    void ignoresAndCountsUnknownAndInapplicableMetrics() {
        decode("{\"ts\":1,\"device\":\"tn/gpu0\",\"metrics\":{\"temp_c\":40,\"fan_rpm\":{\"a\":[1]},\"vcc_v\":3.3}}");

        assertThat(rejections).isEmpty();
        assertThat(frames).containsExactly("tn/gpu0@1 temp_c=40.0");
        assertThat(decoder.unknownMetrics()).isEqualTo(1);
        assertThat(decoder.inapplicableMetrics()).isEqualTo(1);
    }

    @Test
    void rejectsAnOutOfRangeValueNamingTheFieldAndItsBounds() {
        decode("{\"ts\":1,\"device\":\"tn/gpu0\",\"metrics\":{\"temp_c\":1e308}}");

        assertThat(frames).isEmpty();
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
            assertThat(r.detail()).isEqualTo("metrics.temp_c: 1e308 is outside the physical range -60..250 °C");
        });
        assertThat(decoder.rejections(RejectReason.OUT_OF_RANGE)).isEqualTo(1);
    }

    @Test
    void rejectsNonFiniteLaneValuesNamingTheLane() {
        decode("{\"ts\":1,\"device\":\"tn/gpu0/oe0\",\"lanes\":[{},{\"rx_dbm\":NaN}]}");

        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.NON_FINITE);
            assertThat(r.detail()).startsWith("lanes[1].rx_dbm: NaN");
        });
    }

    @Test
    void rejectsMoreLanesThanTheDeviceHas() {
        decode("{\"ts\":1,\"device\":\"tn/gpu0/oe0\",\"lanes\":[{},{},{},{},{},{},{},{},{\"rx_dbm\":-2}]}");
        decode("{\"ts\":1,\"device\":\"tn/gpu0\",\"lanes\":[{}]}");

        assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectReason.BAD_LANES,
                RejectReason.BAD_LANES);
        assertThat(rejections.get(0).detail()).isEqualTo("lanes: 9 entries but tn/gpu0/oe0 has 8 lanes");
    }

    @Test
    void rejectsFramesMissingTheirTimeOrDevice() {
        decode("{\"device\":\"tn/gpu0\"}");
        decode("{\"ts\":1}");
        decode("{\"ts\":\"1\",\"device\":\"tn/gpu0\"}");
        decode("{\"ts\":1.5,\"device\":\"tn/gpu0\"}");

        assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectReason.MISSING_TS,
                RejectReason.MISSING_DEVICE, RejectReason.BAD_TS, RejectReason.BAD_TS);
    }

    @Test
    void rejectsWrongTypesNamingTheField() {
        decode("{\"ts\":1,\"device\":\"tn/gpu0\",\"metrics\":{\"temp_c\":\"61.2\"}}");
        decode("{\"ts\":1,\"device\":\"tn/gpu0\",\"metrics\":[]}");
        decode("{\"ts\":1,\"device\":\"tn/gpu0/oe0\",\"lanes\":[3]}");
        decode("{\"ts\":1,\"device\":7}");

        assertThat(rejections).extracting(Rejection::reason).containsOnly(RejectReason.WRONG_TYPE);
        assertThat(rejections).extracting(Rejection::detail).containsExactly(
                "metrics.temp_c: expected a number, got a string \"61.2\"",
                "metrics: expected an object, got an array",
                "lanes[0]: expected an object or null, got the number 3",
                "device: expected a device id string, got the number 7");
    }

    @Test
    void rejectsRecordsThatAreNotFrames() {
        decode("");
        decode("   ");
        decode("42");
        decode("[1, {\"ts\":1,\"device\":\"tn/gpu0\"}]");
        decode("{\"ts\":1,\"device\":\"tn/gpu0\"} {}");

        assertThat(rejections).extracting(r -> r.reason().code()).containsExactly("malformed-json",
                "malformed-json", "not-a-frame", "not-a-frame", "malformed-json");
        assertThat(frames).containsExactly("tn/gpu0@1");
    }

    @Test
    void rejectsDeepNestingAndOversizedInputWithoutThrowing() {
        decode("[".repeat(5000) + "]".repeat(5000));
        decode("{\"ts\":1,\"device\":\"" + "x".repeat(100_000) + "\"}");
        byte[] huge = new byte[5 << 20];
        decoder.decode(huge, f -> { }, rejections::add);

        assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectReason.TOO_DEEP,
                RejectReason.TOO_LARGE, RejectReason.TOO_LARGE);
        assertThat(rejections).allSatisfy(r -> assertThat(r.detail()).isNotBlank().hasSizeLessThan(400));
    }

    @Test
    void decodesASliceOfALargerBuffer() {
        byte[] bytes = "xx{\"ts\":9,\"device\":\"tn/gpu1\"}yy".getBytes(StandardCharsets.UTF_8);
        decoder.decode(bytes, 2, bytes.length - 4, this::record, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(frames).containsExactly("tn/gpu1@9");
    }

    @Test
    void countsRejectionsPerReason() {
        decode("[{\"ts\":1,\"device\":\"tn/x\"},{\"ts\":1,\"device\":\"tn/y\"},{\"device\":\"tn/gpu0\"}]");

        assertThat(decoder.rejections(RejectReason.UNKNOWN_DEVICE)).isEqualTo(2);
        assertThat(decoder.rejections(RejectReason.MISSING_TS)).isEqualTo(1);
        assertThat(decoder.rejections()).isEqualTo(3);
        assertThat(rejections).extracting(Rejection::frameIndex).containsExactly(0, 1, 2);
        assertThat(gpu).isNotNegative();
    }
}
