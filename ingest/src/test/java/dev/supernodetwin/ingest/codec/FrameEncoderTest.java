package dev.supernodetwin.ingest.codec;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.ingest.testing.RandomFrames;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameEncoderTest {
    private final SensorLayout layout = new SensorLayout(Topology.of(TinyTopology.document()));
    private final FrameEncoder encoder = new FrameEncoder(layout);
    private final int oe = layout.topology().indexOf("tn/gpu0/oe0").getAsInt();
    private final int gpu = layout.topology().indexOf("tn/gpu0").getAsInt();

    @Test
    void writesTheWireFormatInSlotOrderWithEmptyLanesAsEmptyObjects() {
        FrameBuffer f = new FrameBuffer(8);
        f.begin(oe, 1763924400123L);
        f.seq(8812);
        f.add(layout.laneSensor(oe, 2, Metric.RX_DBM), -2.3);
        f.add(layout.sensor(oe, Metric.VCC_V), 3.31);
        f.add(layout.sensor(oe, Metric.TEMP_C), 61.2);
        f.add(layout.laneSensor(oe, 0, Metric.TX_DBM), 1.1);
        f.add(layout.laneSensor(oe, 0, Metric.FERC_TOTAL), 12);
        f.add(layout.laneSensor(oe, 0, Metric.PRE_FEC_BER), 3.1e-8);

        assertThat(new String(encoder.toBytes(f), StandardCharsets.UTF_8)).isEqualTo(
                "{\"ts\":1763924400123,\"device\":\"tn/gpu0/oe0\",\"seq\":8812,"
                        + "\"metrics\":{\"temp_c\":61.2,\"vcc_v\":3.31},"
                        + "\"lanes\":[{\"tx_dbm\":1.1,\"pre_fec_ber\":3.1E-8,\"ferc_total\":12},{},{\"rx_dbm\":-2.3}]}");
    }

    @Test
    void writesCountersAndCodesAsIntegersAndOmitsAbsentParts() {
        FrameBuffer f = new FrameBuffer(8);
        f.begin(gpu, 5);
        f.add(layout.sensor(gpu, Metric.XID), 79);
        f.add(layout.sensor(gpu, Metric.ECC_DBE_TOTAL), 3e12);
        f.add(layout.sensor(gpu, Metric.POWER_W), 700);

        assertThat(new String(encoder.toBytes(f), StandardCharsets.UTF_8)).isEqualTo(
                "{\"ts\":5,\"device\":\"tn/gpu0\",\"metrics\":{\"power_w\":700.0,\"xid\":79,"
                        + "\"ecc_dbe_total\":3000000000000}}");
    }

    @Test
    void refusesValuesJsonCannotCarryAndSensorsOfAnotherDevice() {
        FrameBuffer f = new FrameBuffer(8);
        f.begin(gpu, 5);
        f.add(layout.sensor(gpu, Metric.TEMP_C), Double.NaN);
        assertThatThrownBy(() -> encoder.toBytes(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tn/gpu0 temp_c");

        f.begin(gpu, 5);
        f.add(layout.sensor(oe, Metric.TEMP_C), 50);
        assertThatThrownBy(() -> encoder.toBytes(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to device");
    }

    @Test
    void decodesWhatItEncodesUnchangedForRandomFrames() throws IOException {
        RandomFrames random = new RandomFrames(layout, 42);
        FrameDecoder decoder = new FrameDecoder(layout);
        FrameBuffer f = new FrameBuffer(16);
        List<List<String>> sent = new ArrayList<>();
        List<List<String>> received = new ArrayList<>();
        ByteArrayOutputStream array = new ByteArrayOutputStream();
        array.write('[');
        for (int i = 0; i < 2_000; i++) {
            random.fill(f, 1_700_000_000_000L + i);
            sent.add(RandomFrames.samples(f));
            int n = encoder.encode(f);
            decoder.decode(encoder.buffer(), 0, n, g -> received.add(RandomFrames.samples(g)),
                    r -> { throw new AssertionError(r.toString()); });
            if (i > 0) {
                array.write(',');
            }
            encoder.encode(f, array);
        }
        array.write(']');
        decoder.decode(array.toByteArray(), g -> received.add(RandomFrames.samples(g)),
                r -> { throw new AssertionError(r.toString()); });

        List<List<String>> twice = new ArrayList<>(sent);
        twice.addAll(sent);
        assertThat(received).isEqualTo(twice);
    }

    @Test
    void givesTheSameBytesForTheSameFrame() {
        RandomFrames random = new RandomFrames(layout, 7);
        FrameBuffer f = new FrameBuffer(16);
        random.fill(f, 1);
        assertThat(encoder.toBytes(f)).isEqualTo(new FrameEncoder(layout).toBytes(f));
    }
}
