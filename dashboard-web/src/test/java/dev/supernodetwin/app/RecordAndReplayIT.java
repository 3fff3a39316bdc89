package dev.supernodetwin.app;

import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.FrameListener;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.replay.KafkaReplaySource;
import dev.supernodetwin.ingest.replay.ReplayOptions;
import dev.supernodetwin.ingest.replay.ReplayPipeline;
import dev.supernodetwin.ingest.replay.ReplayProgress;
import dev.supernodetwin.ingest.replay.ReplaySummary;
import dev.supernodetwin.ingest.replay.EventTimePacer;
import dev.supernodetwin.ingest.codec.RejectionSink;
import dev.supernodetwin.ingest.testing.RandomFrames;
import dev.supernodetwin.ingest.testing.TestServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** simulate --kafka, replay --from-kafka and record against a real broker, each on its own topic. */
class RecordAndReplayIT {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final SensorLayout LAYOUT = new SensorLayout(Topology.of(Presets.expand("cpo-72", "sn01")));

    private final String bootstrap = TestServices.kafkaBootstrap();

    @TempDir
    Path dir;

    private String createTopic(int partitions) throws Exception {
        String topic = "it-replay-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    private int simulateToKafka(String topic, String duration, String batch) {
        return TwinCli.commandLine().execute("simulate", "--preset", "cpo-72", "--duration", duration,
                "--start", START.toString(), "--seed", "5", "--kafka", bootstrap, "--topic", topic, "--batch", batch);
    }

    /** What the simulator makes for {@code ticks} ticks with the command's settings, as samples per frame. */
    private static List<List<String>> simulated(int ticks) {
        Simulator sim = new Simulator(LAYOUT, new SimulationSettings(5, START.toEpochMilli(), 1000), Scenario.healthy());
        List<List<String>> frames = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            sim.tick(f -> frames.add(RandomFrames.samples(f)));
        }
        return frames;
    }

    private record Replayed(ReplaySummary summary, List<List<String>> frames, List<Long> times) {
    }

    private Replayed replay(String topic, Optional<Instant> from) throws Exception {
        Twin twin = new Twin(LAYOUT, StalenessPolicy.DEFAULT);
        List<List<String>> frames = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        twin.addListener((FrameListener) f -> {
            frames.add(RandomFrames.samples(f));
            times.add(f.timestamp());
        });
        ReplayOptions options = new ReplayOptions(EventTimePacer.unpaced(),
                from.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE), RejectionSink.ignoring(), ReplayProgress.none());
        try (KafkaReplaySource source = new KafkaReplaySource(bootstrap, topic, "sn01", from)) {
            ReplaySummary s = new ReplayPipeline(twin, new FrameDecoder(LAYOUT), options).run(source);
            return new Replayed(s, frames, times);
        }
    }

    @Test
    void simulateToKafkaProducesExactlyTheFramesTheSimulatorMade() throws Exception {
        String topic = createTopic(3);

        assertThat(simulateToKafka(topic, "6s", "16")).isZero();

        Replayed back = replay(topic, Optional.empty());
        List<List<String>> expected = simulated(6);
        assertThat(back.summary().rejected()).isEmpty();
        assertThat(back.summary().applied()).isEqualTo(expected.size());
        assertThat(back.frames()).isEqualTo(expected);
    }

    @Test
    void replayFromKafkaFromATimeAppliesOnlyFramesAtOrAfterIt() throws Exception {
        String topic = createTopic(1);
        assertThat(simulateToKafka(topic, "10s", "100")).isZero();
        try (KafkaProducer<byte[], byte[]> other = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            other.send(new ProducerRecord<>(topic, null, START.toEpochMilli() + 9000,
                    "sn02".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8))).get();
        }
        Instant from = START.plusSeconds(4);

        Replayed back = replay(topic, Optional.of(from));

        List<List<String>> all = simulated(10);
        int perTick = all.size() / 10;
        assertThat(back.times()).isNotEmpty().allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(from.toEpochMilli()));
        assertThat(back.times().get(0)).isEqualTo(from.toEpochMilli());
        assertThat(back.frames()).isEqualTo(all.subList(4 * perTick, all.size()));
        assertThat(back.summary().foreign()).isEqualTo(1);
    }

    @Test
    void recordWritesExactlyTheValuesThatWereProduced() throws Exception {
        String topic = createTopic(1);
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            good.add("[{\"ts\":" + (START.toEpochMilli() + i) + ",\"device\":\"sn01/cdu1\",\"metrics\":{\"supply_c\":"
                    + (30 + i / 10.0) + "}},{\"ts\":" + (START.toEpochMilli() + i) + ",\"device\":\"sn01/cdu1\"}]");
        }
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] key = "sn01".getBytes(StandardCharsets.UTF_8);
            p.send(new ProducerRecord<>(topic, key, "{\"ts\":1,\n\"device\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
            p.send(new ProducerRecord<>(topic, key, new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}));
            for (String v : good) {
                p.send(new ProducerRecord<>(topic, key, v.getBytes(StandardCharsets.UTF_8)));
            }
            p.flush();
        }
        Path out = dir.resolve("rec.ndjson.gz");

        int status = TwinCli.commandLine().execute("record", "--bootstrap", bootstrap, "--topic", topic,
                "--out", out.toString(), "--from-beginning", "--max-frames", "100");

        assertThat(status).isZero();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(out)), StandardCharsets.UTF_8))) {
            assertThat(r.lines().collect(Collectors.toList())).isEqualTo(good);
        }
    }
}
