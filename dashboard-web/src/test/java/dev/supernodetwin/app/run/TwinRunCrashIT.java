package dev.supernodetwin.app.run;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.ingest.codec.FrameEncoder;
import dev.supernodetwin.ingest.kafka.DeadLetters;
import dev.supernodetwin.ingest.testing.TestServices;
import dev.supernodetwin.ingest.topology.TopologyWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code twin run} against the real broker: a consumer killed hard in the middle of a stream and
 * restarted applies every frame exactly once, and malformed records mixed into the stream land in
 * the dead-letter topic with their reasons while the good frames around them are all applied.
 */
class TwinRunCrashIT {
    private static final String SUPERNODE = "tn";
    private static final List<String> MALFORMED = List.of(
            "{\"ts\": 1, \"device\": \"tn/gpu0\"",                         // truncated
            "{\"device\": \"tn/gpu0\", \"metrics\": {\"temp_c\": 60}}",     // no ts
            "{\"ts\": 1767225600000, \"device\": \"tn/nowhere\"}",          // unknown device
            "{\"ts\": 1767225600000, \"device\": \"tn/gpu0\", \"metrics\": {\"temp_c\": \"hot\"}}", // wrong type
            "not json at all");

    @TempDir
    Path dir;

    @Test
    void killedAndRestartedConsumerAppliesEveryFrameExactlyOnceAndDeadLettersTheBadOnes() throws Exception {
        String bootstrap = TestServices.kafkaBootstrap();
        String topic = "crash-" + UUID.randomUUID();
        Topology topo = Topology.of(TinyTopology.document());
        Path topologyFile = dir.resolve("tiny.json");
        TopologyWriter.write(topo.document(), topologyFile);
        Stream stream = stream(topo);
        String[] args = {"run", "--bootstrap", bootstrap, "--topic", topic, "--group", topic + "-twin",
                "--topology", topologyFile.toString(), "--rebuild-window", "1h", "--commit-interval", "200ms"};

        Map<Long, String> badOffsets = new java.util.concurrent.ConcurrentHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            // A third is waiting when the consumer starts; the rest keeps arriving, through the crash.
            int third = stream.records.size() / 3;
            badOffsets.putAll(send(producer, topic, stream.records.subList(0, third), 0));
            var rest = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return send(producer, topic, stream.records.subList(third, stream.records.size()), 150);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            TwinProcess first = TwinProcess.start(TwinProcess.freePort(), dir.resolve("first.log"), args);
            try {
                TwinProcess.awaitTrue("the first consumer applies half of the frames", Duration.ofSeconds(120),
                        () -> first.metric("twin_frames_applied_total").orElse(0) > stream.goodFrames / 2);
                double appliedBeforeKill = first.metric("twin_frames_applied_total").orElse(0);
                first.kill();
                System.out.printf("first consumer killed after applying %.0f of %d frames%n", appliedBeforeKill,
                        stream.goodFrames);
                assertThat(rest).as("killed while frames were still arriving").isNotDone();
            } finally {
                first.close();
            }
            assertThat(first.metric("twin_frames_applied_total")).isEmpty();

            try (TwinProcess second = TwinProcess.start(TwinProcess.freePort(), dir.resolve("second.log"), args)) {
                badOffsets.putAll(rest.get());
                TwinProcess.awaitTrue("the restarted consumer catches up", Duration.ofSeconds(120),
                        () -> second.metric("twin_frames_applied_total").orElse(0) >= stream.goodFrames
                                && second.status("/ready") == 200);
                Thread.sleep(2_000); // anything applied twice would show up now
                assertThat(second.metric("twin_frames_applied_total")).as(second.output())
                        .hasValue((double) stream.goodFrames);
                assertThat(second.metric("twin_records_rebuilt_total").orElse(0)).isPositive();
                System.out.printf("restarted consumer: applied %.0f, re-read %.0f to rebuild, duplicates %.0f%n",
                        second.metric("twin_frames_applied_total").orElse(0),
                        second.metric("twin_records_rebuilt_total").orElse(0),
                        second.metric("twin_frames_duplicate_total").orElse(0));
            }
        }

        Map<Long, String> lettered = deadLetters(bootstrap, topic + ".dead-letters", badOffsets.size());
        assertThat(lettered.keySet()).containsExactlyInAnyOrderElementsOf(badOffsets.keySet());
        lettered.forEach((offset, reason) -> assertThat(reason).isNotBlank());
    }

    /** Simulated frames as records, with malformed records and re-sent duplicates mixed in. */
    private static Stream stream(Topology topo) {
        SensorLayout layout = new SensorLayout(topo);
        FrameEncoder encoder = new FrameEncoder(layout);
        Simulator sim = new Simulator(layout, new SimulationSettings(3, 1_767_225_600_000L, 1_000), Scenario.healthy());
        List<byte[]> frames = new ArrayList<>();
        for (int tick = 0; tick < 600; tick++) {
            sim.tick((FrameBuffer f) -> frames.add(encoder.toBytes(f)));
        }
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            records.add(frames.get(i));
            if (i % 400 == 199) {
                records.add(MALFORMED.get((i / 400) % MALFORMED.size()).getBytes(StandardCharsets.UTF_8));
            }
            if (i % 1000 == 999) {
                records.add(frames.get(i - 500)); // a producer retry re-sending an old frame
            }
        }
        return new Stream(records, frames.size());
    }

    private record Stream(List<byte[]> records, long goodFrames) {
    }

    /** Sends records paced a little, returning the offsets of the malformed ones. */
    private static Map<Long, String> send(KafkaProducer<byte[], byte[]> producer, String topic, List<byte[]> records,
                                          long pauseEvery) throws InterruptedException, ExecutionException {
        Map<Long, String> bad = new HashMap<>();
        byte[] key = SUPERNODE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < records.size(); i++) {
            byte[] value = records.get(i);
            var meta = producer.send(new ProducerRecord<>(topic, key, value));
            String text = new String(value, StandardCharsets.UTF_8);
            if (MALFORMED.contains(text)) {
                bad.put(meta.get().offset(), text);
            }
            if (pauseEvery > 0 && i % 50 == 0) {
                Thread.sleep(pauseEvery);
            }
        }
        producer.flush();
        return bad;
    }

    private static Map<Long, String> deadLetters(String bootstrap, String topic, int expected) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<Long, String> byOffset = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (byOffset.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    // A crash may re-send a dead letter; the source offset header identifies it.
                    byOffset.put(Long.parseLong(header(r, DeadLetters.SOURCE_OFFSET)), header(r, DeadLetters.REASON));
                    assertThat(header(r, DeadLetters.SOURCE_PARTITION)).isNotBlank();
                }
            }
        }
        return byOffset;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
