package dev.supernodetwin.ingest.codec;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.testing.RandomFrames;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder's contract under hostile input: 10,000 malformed frames of many kinds, interleaved with
 * good frames in the same stream, give exactly 10,000 rejections with reasons, never an exception,
 * and every good frame is still applied.
 */
class MalformedFramesTest {
    private static final int BAD_FRAMES = 10_000;

    private final SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("cpo-72", "sn01")));
    private final FrameEncoder encoder = new FrameEncoder(layout);
    private final RandomFrames randomFrames = new RandomFrames(layout, 1);
    private final FrameBuffer scratch = new FrameBuffer(128);
    private final Random random = new Random(2);
    private final String oe = layout.topology().device(
            layout.topology().devicesOfKind(dev.supernodetwin.core.topology.DeviceKind.OE).get(0)).id().value();
    private long ts = 1_763_924_400_000L;

    @Test
    void rejectsTenThousandMalformedFramesAndStillAppliesEveryGoodOne() {
        FrameDecoder decoder = new FrameDecoder(layout);
        TwinState state = new TwinState(layout, StalenessPolicy.DEFAULT);
        List<Rejection> rejections = new ArrayList<>();
        Map<RejectReason, Integer> kinds = new EnumMap<>(RejectReason.class);
        int goodSent = 0;

        for (int i = 0; i < BAD_FRAMES; i++) {
            String good1 = good();
            String good2 = good();
            int kind = i % 20;
            List<byte[]> records = new ArrayList<>();
            if (kind < 13) {
                // A bad frame that can be told apart from its neighbours: sent inside an array with them.
                records.add(utf8("[" + good1 + "," + badFrame(kind) + "," + good2 + "]"));
            } else {
                // A record that cannot be read past the fault: sent on its own between good records.
                records.add(utf8(good1));
                records.add(badRecord(kind, i));
                records.add(utf8(good2));
            }
            goodSent += 2;
            for (byte[] r : records) {
                decoder.decode(r, 0, r.length, state::apply, rejections::add);
            }
        }

        assertThat(rejections).hasSize(BAD_FRAMES);
        assertThat(rejections).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
        rejections.forEach(r -> kinds.merge(r.reason(), 1, Integer::sum));
        assertThat(kinds.keySet()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(decoder.rejections()).isEqualTo(BAD_FRAMES);
        assertThat(state.framesApplied()).isEqualTo(goodSent);
        assertThat(decoder.framesDecoded()).isEqualTo(goodSent);
    }

    private String good() {
        randomFrames.fill(scratch, ts++);
        return new String(encoder.toBytes(scratch), StandardCharsets.UTF_8);
    }

    private String badFrame(int kind) {
        long t = ts++;
        String head = "\"ts\":" + t + ",\"device\":\"" + oe + "\"";
        return switch (kind) {
            case 0 -> "{\"ts\":\"" + t + "\",\"device\":\"" + oe + "\"}";
            case 1 -> "{\"ts\":" + t + ",\"device\":\"sn01/nowhere/" + random.nextInt(1000) + "\"}";
            case 2 -> "{\"device\":\"" + oe + "\",\"metrics\":{\"temp_c\":50}}";
            case 3 -> "{" + head + ",\"metrics\":{\"temp_c\":NaN}}";
            case 4 -> "{" + head + ",\"metrics\":{\"temp_c\":1e308}}";
            case 5 -> "{" + head + ",\"lanes\":[{\"rx_dbm\":-Infinity}]}";
            case 6 -> "{" + head + ",\"metrics\":{\"vcc_v\":\"3.3\"}}";
            case 7 -> "{" + head + ",\"lanes\":[" + "{},".repeat(8) + "{\"rx_dbm\":-2}]}";
            case 8 -> "{\"ts\":" + t + ",\"metrics\":{\"temp_c\":50}}";
            case 9 -> "{" + head + ",\"lanes\":{\"0\":{}}}";
            case 10 -> random.nextBoolean() ? "42" : "[{" + head + "}]";
            case 11 -> "{" + head + ",\"seq\":\"seven\"}";
            default -> "{" + head + ",\"metrics\":{\"power_w\":-5,\"temp_c\":null}}";
        };
    }

    private byte[] badRecord(int kind, int i) {
        return switch (kind) {
            case 13, 14 -> {
                byte[] whole = utf8(good());
                yield java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
            }
            case 15 -> utf8("[".repeat(20 + random.nextInt(10_000)));
            case 16 -> utf8("{\"ts\":1,\"device\":" + "[".repeat(100) + "]".repeat(100) + "}");
            case 17 -> i % 1000 == 17
                    ? utf8("{\"ts\":1,\"device\":\"" + "x".repeat(10 << 20) + "\"}")
                    : utf8("{\"ts\":1,\"device\":\"" + "x".repeat(70_000) + "\"}");
            case 18 -> garbage();
            default -> i % 2 == 0 ? new byte[0] : utf8("{\"ts\":1,\"device\":\"" + oe + "\"}}");
        };
    }

    private byte[] garbage() {
        byte[] b = new byte[1 + random.nextInt(200)];
        random.nextBytes(b);
        b[0] = (byte) 0xFF;
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
