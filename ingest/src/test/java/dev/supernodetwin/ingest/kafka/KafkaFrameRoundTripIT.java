package dev.supernodetwin.ingest.kafka;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.FrameEncoder;
import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.testing.RandomFrames;
import dev.supernodetwin.ingest.testing.TestServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames encoded by {@link FrameEncoder} survive a trip through a real Kafka broker unchanged. */
class KafkaFrameRoundTripIT {
    private static final int RECORDS = 400;
    private static final int FRAMES_PER_ARRAY = 8;

    private final SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("cpo-72", "sn01")));
    private final String bootstrap = TestServices.kafkaBootstrap();
    private final String topic = "it-frames-" + UUID.randomUUID();

    @Test
    void framesProducedToKafkaDecodeToTheSameSamples() throws Exception {
        createTopic();
        List<List<String>> sent = produce();

        List<List<String>> received = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        FrameDecoder decoder = new FrameDecoder(layout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(r.key());
                    decoder.decode(r.value(), f -> received.add(RandomFrames.samples(f)), rejections::add);
                }
            }
        }

        assertThat(rejections).isEmpty();
        assertThat(keys).containsExactly("sn01");
        assertThat(received).isEqualTo(sent);
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    /** Sends single-frame and array records alternately; returns the samples of every frame sent, in order. */
    private List<List<String>> produce() throws Exception {
        List<List<String>> sent = new ArrayList<>();
        RandomFrames random = new RandomFrames(layout, 11);
        FrameEncoder encoder = new FrameEncoder(layout);
        FrameBuffer frame = new FrameBuffer(128);
        long ts = 1_763_924_400_000L;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int r = 0; r < RECORDS; r++) {
                int frames = r % 2 == 0 ? 1 : FRAMES_PER_ARRAY;
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                for (int f = 0; f < frames; f++) {
                    random.fill(frame, ts++);
                    sent.add(RandomFrames.samples(frame));
                    separator(value, frames, f);
                    encoder.encode(frame, value);
                }
                if (frames > 1) {
                    value.write(']');
                }
                producer.send(new ProducerRecord<>(topic, layout.topology().supernode(), value.toByteArray()));
            }
            producer.flush();
        }
        return sent;
    }

    private static void separator(ByteArrayOutputStream value, int frames, int f) throws IOException {
        if (frames > 1) {
            value.write(f == 0 ? '[' : ',');
        }
    }
}
