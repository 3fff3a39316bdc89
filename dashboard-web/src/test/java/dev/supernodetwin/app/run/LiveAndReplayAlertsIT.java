package dev.supernodetwin.app.run;

import dev.supernodetwin.app.TwinCli;
import dev.supernodetwin.ingest.testing.TestServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live {@code twin run} and a {@code twin replay} of what it consumed raise the same alerts: detection
 * runs on event time and in frame order, so the alert file the service writes while consuming a real
 * topic is byte for byte the file a replay of that topic's recording writes.
 */
class LiveAndReplayAlertsIT {
    private static final String START = "2026-01-01T00:00:00Z";
    /** A laser that dies for a minute and comes back (firing, then resolved) and a coupling loss that stays. */
    private static final String FAULTS = """
            faults:
              - {fault: F3, target: sn01/t01/els0#0, onset: 1m, duration: 1m}
              - {fault: F4, target: sn01/t02/els0#3, onset: 2m, magnitude: 2.5}
            """;

    @TempDir
    Path dir;

    @Test
    void aLiveRunAndAReplayOfWhatItConsumedWriteTheSameAlertEvents() throws Exception {
        String bootstrap = TestServices.kafkaBootstrap();
        String topic = "alerts-" + UUID.randomUUID();
        createTopic(bootstrap, topic);
        Path scenario = dir.resolve("faults.yaml");
        Files.writeString(scenario, FAULTS);
        String[] simulation = {"simulate", "--preset", "cpo-72", "--scenario", scenario.toString(), "--duration", "5m",
                "--period", "1s", "--start", START, "--seed", "7"};
        // The simulator is deterministic: the file holds exactly the frames produced to the topic, one a line.
        Path simulated = dir.resolve("simulated.ndjson.gz");
        assertThat(twin(simulation, "--out", simulated.toString())).isZero();
        long frames = lines(simulated);
        assertThat(twin(simulation, "--kafka", bootstrap, "--topic", topic, "--batch", "16")).isZero();

        Path live = dir.resolve("live.alerts.ndjson");
        try (TwinProcess run = TwinProcess.start(TwinProcess.freePort(), dir.resolve("run.log"), "run", "--preset",
                "cpo-72", "--bootstrap", bootstrap, "--topic", topic, "--group", topic + "-twin", "--alerts-out",
                live.toString())) {
            TwinProcess.awaitTrue("the live twin applies every frame", Duration.ofSeconds(300),
                    () -> run.metric("twin_frames_applied_total").orElse(0) >= frames);
            assertThat(run.metric("twin_frames_applied_total")).hasValue((double) frames);
            assertThat(run.metric("twin_alerts_firing").orElse(0)).as(run.output()).isPositive();
            assertThat(run.status("/api/alerts")).isEqualTo(200);
            assertThat(run.output()).contains("detection: the default rules").contains("alert firing");
        }

        Path recording = dir.resolve("recorded.ndjson.gz");
        assertThat(twin(new String[] {"record", "--bootstrap", bootstrap, "--topic", topic, "--from-beginning",
                "--max-frames", Long.toString(frames), "--out", recording.toString()})).isZero();
        Path replayed = dir.resolve("replay.alerts.ndjson");
        assertThat(twin(new String[] {"replay", "--preset", "cpo-72", "--input", recording.toString(),
                "--alerts-out", replayed.toString()})).isZero();

        List<String> liveEvents = Files.readAllLines(live);
        assertThat(liveEvents).as("alert events of the live run")
                .anySatisfy(e -> assertThat(e).contains("\"state\":\"firing\""))
                .anySatisfy(e -> assertThat(e).contains("\"state\":\"resolved\""));
        assertThat(Files.readAllLines(replayed)).containsExactlyElementsOf(liveEvents);
        assertThat(live).hasSameBinaryContentAs(replayed);
    }

    /** Runs a {@code twin} command in this JVM, as the shell would run it. */
    private static int twin(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return TwinCli.commandLine().execute(all);
    }

    /** One partition keeps the frames in order; no retention, as their event time is long past. */
    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
        }
    }

    private static long lines(Path gz) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            return r.lines().count();
        }
    }
}
