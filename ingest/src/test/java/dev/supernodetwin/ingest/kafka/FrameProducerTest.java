package dev.supernodetwin.ingest.kafka;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectionSink;
import dev.supernodetwin.ingest.testing.RandomFrames;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batching, keys and failure accounting of {@link FrameProducer}, over Kafka's in-memory producer. */
class FrameProducerTest {
    private final SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("cpo-72", "sn01")));

    private List<List<String>> sendRandomFrames(FrameProducer producer, int count) {
        RandomFrames random = new RandomFrames(layout, 3);
        FrameBuffer frame = new FrameBuffer(128);
        List<List<String>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            random.fill(frame, 1_767_225_600_000L + i);
            sent.add(RandomFrames.samples(frame));
            producer.accept(frame);
        }
        return sent;
    }

    @Test
    void sendsBatchesAsArraysKeyedBySupernodeStampedWithTheirLatestEventTime() {
        MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        FrameProducer producer = new FrameProducer(layout,
                FrameProducerSettings.defaults("unused:9092", "t").withBatchFrames(16), mock);

        List<List<String>> sent = sendRandomFrames(producer, 40);
        producer.close();

        List<ProducerRecord<byte[], byte[]>> records = mock.history();
        assertThat(records).hasSize(3);
        assertThat(records).allSatisfy(r -> {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("sn01");
            assertThat(r.value()[0]).isEqualTo((byte) '[');
        });
        assertThat(records.get(0).timestamp()).isEqualTo(1_767_225_600_000L + 15);
        assertThat(records.get(2).timestamp()).isEqualTo(1_767_225_600_000L + 39);
        List<List<String>> decoded = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(layout);
        for (ProducerRecord<byte[], byte[]> r : records) {
            decoder.decode(r.value(), f -> decoded.add(RandomFrames.samples(f)), RejectionSink.ignoring());
        }
        assertThat(decoded).isEqualTo(sent);
        FrameProducer.ProducerReport report = producer.report();
        assertThat(report.frames()).isEqualTo(40);
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.clean()).isTrue();
    }

    @Test
    void aBatchOfOneSendsSingleFrameObjects() {
        MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        FrameProducer producer = new FrameProducer(layout,
                FrameProducerSettings.defaults("unused:9092", "t").withBatchFrames(1), mock);

        sendRandomFrames(producer, 5);
        producer.close();

        assertThat(mock.history()).hasSize(5).allSatisfy(r -> assertThat(r.value()[0]).isEqualTo((byte) '{'));
    }

    @Test
    void countsEveryFrameOfARecordThatFailed() {
        MockProducer<byte[], byte[]> mock = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        FrameProducer producer = new FrameProducer(layout,
                FrameProducerSettings.defaults("unused:9092", "t").withBatchFrames(4), mock);

        sendRandomFrames(producer, 8);
        mock.completeNext();
        mock.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));

        FrameProducer.ProducerReport report = producer.report();
        assertThat(report.frames()).isEqualTo(4);
        assertThat(report.failedFrames()).isEqualTo(4);
        assertThat(report.failedRecords()).isEqualTo(1);
        assertThat(report.clean()).isFalse();
        assertThat(report.errors()).singleElement().asString().contains("broker gone");
    }

    @Test
    void settingsNameTheKeyThatIsWrong() {
        assertThatThrownBy(() -> FrameProducerSettings.defaults("b:1", "t").withBatchFrames(0))
                .hasMessageStartingWith("batch:");
        assertThatThrownBy(() -> new FrameProducerSettings("b:1", "t", 16, 2,
                FrameProducerSettings.Compression.LZ4, "1", true)).hasMessageContaining("idempotence needs acks=all");
        assertThatThrownBy(() -> FrameProducerSettings.defaults(" ", "t")).hasMessageStartingWith("bootstrap:");
    }
}
