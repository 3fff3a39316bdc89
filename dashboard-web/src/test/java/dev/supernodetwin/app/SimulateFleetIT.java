package dev.supernodetwin.app;

import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.testing.RandomFrames;
import dev.supernodetwin.ingest.testing.TestServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twin simulate --supernode sn01,sn02 --kafka} against a real broker, on its own topic. */
class SimulateFleetIT {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final String bootstrap = TestServices.kafkaBootstrap();

    @Test
    void producesEverySupernodeOfTheListKeyedByItsOwnId() throws Exception {
        String topic = "it-fleet-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
        }

        CommandRun r = CommandRun.of("simulate", "--preset", "cpo-72", "--supernode", "sn01,sn02", "--duration", "3s",
                "--start", START.toString(), "--seed", "5", "--kafka", bootstrap, "--topic", topic, "--batch", "16");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("key sn01").contains("key sn02");
        SimulatedFleet expected = SimulatedFleet.of("cpo-72", List.of("sn01", "sn02"),
                new SimulationSettings(5, START.toEpochMilli(), 1000), Scenario.healthy());
        Map<String, List<List<String>>> want = new TreeMap<>();
        List<List<List<String>>> perSupernode = List.of(new ArrayList<>(), new ArrayList<>());
        for (int t = 0; t < 3; t++) {
            expected.tick(List.of(f -> perSupernode.get(0).add(RandomFrames.samples(f)),
                    f -> perSupernode.get(1).add(RandomFrames.samples(f))));
        }
        want.put("sn01", perSupernode.get(0));
        want.put("sn02", perSupernode.get(1));
        Map<String, SensorLayout> layouts = Map.of("sn01", expected.layouts().get(0), "sn02", expected.layouts().get(1));

        Map<String, List<List<String>>> got = new TreeMap<>();
        Map<String, Set<Integer>> partitions = new HashMap<>();
        List<String> rejected = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> rec : readAll(topic)) {
            String key = new String(rec.key(), StandardCharsets.UTF_8);
            partitions.computeIfAbsent(key, k -> new HashSet<>()).add(rec.partition());
            assertThat(layouts).containsKey(key);
            new FrameDecoder(layouts.get(key)).decode(rec.value(),
                    f -> got.computeIfAbsent(key, k -> new ArrayList<>()).add(RandomFrames.samples(f)),
                    x -> rejected.add(key + ": " + x));
        }

        assertThat(rejected).isEmpty();
        assertThat(got).isEqualTo(want);
        assertThat(partitions.get("sn01")).hasSize(1);
        assertThat(partitions.get("sn02")).hasSize(1);
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }
}
