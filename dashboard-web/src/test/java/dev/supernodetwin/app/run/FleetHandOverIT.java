package dev.supernodetwin.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.kafka.FrameProducer;
import dev.supernodetwin.ingest.kafka.FrameProducerSettings;
import dev.supernodetwin.ingest.testing.TestServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out on a real broker: three {@code twin run} processes in one consumer group share eight simulated
 * supernodes. One instance is killed (SIGKILL) mid-run. Within 30 s its supernodes are owned and served by
 * the others, their state rebuilt (an alert that was firing before the kill is firing on the new owner);
 * faults injected before, during and after the hand-over each reach the SREs' webhook as exactly one alert,
 * delivered once; a silence set on the old owner holds on the new one; and every instance's fleet view
 * lists all eight supernodes throughout.
 */
class FleetHandOverIT {
    private static final int SUPERNODES = 8;
    private static final int INSTANCES = 3;
    private static final int PARTITIONS = 8;
    private static final Duration HAND_OVER_BOUND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    private final List<TwinProcess> twins = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private SimulatedFleet fleet;
    private Webhook webhook;
    private FleetWatch watch;
    /** Also shown, from every live instance, when a wait times out. */
    private final List<String> shownOnFailure = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (watch != null) {
            watch.close();
        }
        for (TwinProcess t : twins) {
            t.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void aKilledInstancesSupernodesMoveToTheOthersAndEveryFaultIsAlertedOnce() throws Exception {
        String bootstrap = TestServices.kafkaBootstrap();
        String topic = "fleet-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        webhook = new Webhook();
        Path receivers = dir.resolve("receivers.yaml");
        Files.writeString(receivers, "receivers:\n  - name: sre\n    webhook:\n      url: " + webhook.url() + "\n");
        fleet = new SimulatedFleet(bootstrap, topic);
        for (int i = 0; i < INSTANCES; i++) {
            int port = TwinProcess.freePort();
            String name = "twin-" + (char) ('a' + i);
            names.add(name);
            // History stays in memory: this is about ownership, and InfluxDB is tested on its own.
            twins.add(TwinProcess.start(port, dir.resolve(name + ".log"), List.of("TWIN_INFLUX_URL"), "run",
                    "--bootstrap", bootstrap,
                    "--topic", topic, "--group", topic + "-twins", "--preset", "cpo-72", "--supernode", "*",
                    "--instance", name, "--advertise-url", "http://127.0.0.1:" + port + "/",
                    "--receivers", receivers.toString(), "--state-dir", dir.resolve(name + "-state").toString(),
                    "--commit-interval", "1s"));
        }
        fleet.start();

        await("all eight supernodes are owned, served and rebuilt, as every instance's fleet view says, and every"
                + " instance has joined the group", Duration.ofSeconds(120),
                () -> twins.stream().allMatch(t -> settled(fleetOf(t), Set.of())
                        && t.metric("twin_partitions_assigned").orElse(0) > 0));
        watch = new FleetWatch(twins);
        // Partitions move in steps (cooperative rebalancing): wait until ownership holds still for 5 s.
        Map<String, List<String>> owned = ownersFrom(fleetOf(twins.get(0)));
        for (Map<String, List<String>> previous = Map.of(); !owned.equals(previous); ) {
            previous = owned;
            Thread.sleep(5_000);
            await("the fleet settles", Duration.ofSeconds(60), () -> settled(fleetOf(twins.get(0)), Set.of()));
            owned = ownersFrom(fleetOf(twins.get(0)));
        }
        int victimIndex = 0;
        for (int i = 1; i < INSTANCES; i++) {
            if (owned.getOrDefault(names.get(i), List.of()).size()
                    > owned.getOrDefault(names.get(victimIndex), List.of()).size()) {
                victimIndex = i;
            }
        }
        String victim = names.get(victimIndex);
        // The first moving supernode is one that shares its partition, when there is one: the harder case.
        List<String> moving = new ArrayList<>(owned.get(victim));
        moving.sort(java.util.Comparator.comparing((String sn) -> moving.stream()
                .filter(other -> partition(other) == partition(sn)).count()).reversed());
        String staying = owned.entrySet().stream().filter(e -> !e.getKey().equals(victim))
                .flatMap(e -> e.getValue().stream()).findFirst().orElseThrow();
        System.out.printf("ownership before the kill: %s; killing %s; partitions of its supernodes: %s%n", owned,
                victim, moving.stream().map(sn -> sn + "@" + partition(sn)).toList());

        // Before: one fault on a supernode about to move (it recovers after the hand-over), one that stays put.
        Fault before = fleet.inject(moving.get(0), "t01/els0#0", Duration.ofSeconds(40));
        Fault control = fleet.inject(staying, "t01/els0#0", Duration.ofMinutes(30));
        await("the faults before the kill are alerted", Duration.ofSeconds(60),
                () -> webhook.firing(before).size() == 1 && webhook.firing(control).size() == 1);
        String beforeId = webhook.firing(before).iterator().next();
        // An SRE silences an ELS of a moving supernode on its current owner: the silence must move with it.
        String silencedEls = moving.get(0) + "/t04/els0";
        HttpResponse<String> silence = post(twins.get(victimIndex), "/api/silences?sn=" + moving.get(0),
                "{\"target\": \"" + silencedEls + "\", \"duration\": \"1h\", \"comment\": \"ELS swap\"}");
        assertThat(silence.statusCode()).as(silence.body()).isEqualTo(201);
        Thread.sleep(2_000); // the alert's offsets and the silence are committed and published well before this

        TwinProcess killed = twins.get(victimIndex);
        killed.kill();
        long killedAt = System.nanoTime();
        // During: a fault on a moving supernode while nobody owns it.
        Fault during = fleet.inject(moving.get(moving.size() - 1), "t02/els0#0", Duration.ofMinutes(30));
        List<TwinProcess> survivors = new ArrayList<>(twins);
        survivors.remove(killed);
        await("the killed instance's supernodes are owned and served by the others", HAND_OVER_BOUND.plusSeconds(30),
                () -> survivors.stream().allMatch(t -> settled(fleetOf(t), Set.of(victim))));
        Duration handOver = Duration.ofNanos(System.nanoTime() - killedAt);
        Map<String, List<String>> after = ownersFrom(fleetOf(survivors.get(0)));
        System.out.printf("hand-over took %.1f s; ownership after: %s%n", handOver.toMillis() / 1000.0, after);
        assertThat(handOver).as("hand-over time").isLessThanOrEqualTo(HAND_OVER_BOUND);
        assertThat(after).doesNotContainKey(victim);
        for (String sn : moving) {
            TwinProcess owner = ownerOf(survivors, after, sn);
            assertThat(owner.status("/api/topology?sn=" + sn)).as(sn + " served by its new owner").isEqualTo(200);
        }
        // State rebuilt: the alert raised before the kill is firing on the new owner, under the same id.
        TwinProcess newOwner = ownerOf(survivors, after, moving.get(0));
        assertThat(firingIds(newOwner, moving.get(0))).as("alerts firing on the new owner of " + moving.get(0))
                .contains(beforeId);

        assertThat(getJson(newOwner, "/api/silences?sn=" + moving.get(0)).orElseThrow().toString())
                .as("silences on the new owner").contains(silencedEls);

        shownOnFailure.add("/api/alerts?sn=" + moving.get(0));
        shownOnFailure.add("/api/device?sn=" + moving.get(0) + "&id=" + before.device());
        // After: a fault on a supernode that moved, and one under the silence that moved with it.
        Fault later = fleet.inject(moving.get(0), "t03/els0#0", Duration.ofMinutes(30));
        Fault quiet = fleet.inject(moving.get(0), "t04/els0#0", Duration.ofMinutes(30));
        await("the faults during and after the hand-over are alerted, the one before it resolved",
                Duration.ofSeconds(150), () -> webhook.firing(during).size() == 1 && webhook.firing(later).size() == 1
                        && webhook.resolved(beforeId) && firingRootCauses(newOwner, moving.get(0))
                        .contains(quiet.laser()));
        Thread.sleep(5_000); // anything reported twice would show up now
        assertThat(webhook.firing(quiet)).as("a silenced fault, seen on the new owner but not sent").isEmpty();

        for (Fault f : List.of(before, control, during, later)) {
            assertThat(webhook.firing(f)).as("alerts raised for " + f).hasSize(1);
        }
        assertThat(webhook.resolvedCount(beforeId)).as("resolves of " + beforeId).isEqualTo(1);
        assertThat(webhook.duplicates()).as("events delivered more than once").isEmpty();
        assertThat(watch.gaps()).as("fleet views that did not list all eight supernodes").isEmpty();
        System.out.printf("webhook: %d events; fleet view polled %d times, always %d supernodes%n",
                webhook.count(), watch.polls(), SUPERNODES);
    }

    /** The partition the default partitioner puts a supernode's records on. */
    private static int partition(String supernode) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                supernode.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** A fault injected into a simulated supernode: a laser that goes dark. */
    record Fault(String supernode, String laser) {
        String device() {
            return laser.substring(0, laser.indexOf('#'));
        }

        int lane() {
            return Integer.parseInt(laser.substring(laser.indexOf('#') + 1));
        }
    }

    /** All supernodes listed, none stale or rebuilding, none owned by an instance in {@code gone}. */
    private static boolean settled(Optional<JsonNode> fleet, Set<String> gone) {
        if (fleet.isEmpty() || fleet.get().get("supernodes").size() != SUPERNODES) {
            return false;
        }
        for (JsonNode s : fleet.get().get("supernodes")) {
            if (s.get("stale").asBoolean() || !Set.of("ok", "warning", "alarm", "critical")
                    .contains(s.get("health").asText()) || gone.contains(s.get("owner").get("instance").asText())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<String>> ownersFrom(Optional<JsonNode> fleet) {
        Map<String, List<String>> owners = new TreeMap<>();
        for (JsonNode s : fleet.orElseThrow().get("supernodes")) {
            owners.computeIfAbsent(s.get("owner").get("instance").asText(), k -> new ArrayList<>())
                    .add(s.get("supernode").asText());
        }
        return owners;
    }

    private TwinProcess ownerOf(List<TwinProcess> candidates, Map<String, List<String>> owners, String supernode) {
        String name = owners.entrySet().stream().filter(e -> e.getValue().contains(supernode)).findFirst()
                .orElseThrow().getKey();
        return twins.get(names.indexOf(name));
    }

    private static Optional<JsonNode> fleetOf(TwinProcess t) {
        return getJson(t, "/api/fleet");
    }

    private static Set<String> firingIds(TwinProcess t, String supernode) {
        Set<String> ids = new TreeSet<>();
        getJson(t, "/api/alerts?sn=" + supernode).ifPresent(a -> a.get("firing").forEach(e -> ids.add(e.get("id").asText())));
        return ids;
    }

    private static Set<String> firingRootCauses(TwinProcess t, String supernode) {
        Set<String> causes = new TreeSet<>();
        getJson(t, "/api/alerts?sn=" + supernode).ifPresent(a -> a.get("firing").forEach(e -> {
            JsonNode rc = e.get("rootCause");
            causes.add(rc.get("device").asText() + (rc.has("lane") && !rc.get("lane").isNull()
                    ? "#" + rc.get("lane").asInt() : ""));
        }));
        return causes;
    }

    private static HttpResponse<String> post(TwinProcess t, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(t.base().resolve(path)).timeout(Duration.ofSeconds(5))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<JsonNode> getJson(TwinProcess t, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(t.base().resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (int i = 0; i < twins.size(); i++) {
                    String out = twins.get(i).output();
                    logs.append("\n--- ").append(names.get(i)).append(" (errors) ---\n");
                    out.lines().filter(l -> l.contains("ERROR") || l.contains("Exception") || l.startsWith("\tat "))
                            .limit(40).forEach(l -> logs.append(l).append('\n'));
                    logs.append("\n--- ").append(names.get(i)).append(" (last lines) ---\n")
                            .append(out.substring(Math.max(0, out.length() - 4_000)));
                }
                for (int i = 0; i < twins.size(); i++) {
                    logs.append("\n--- ").append(names.get(i)).append(": frames applied ")
                            .append(twins.get(i).metric("twin_frames_applied_total")).append(", supernodes ")
                            .append(twins.get(i).metric("twin_supernodes_modelled")).append(", fleet ")
                            .append(fleetOf(twins.get(i)).map(JsonNode::toString).orElse("-"));
                    for (String path : shownOnFailure) {
                        logs.append("\n    ").append(path).append(": ")
                                .append(getJson(twins.get(i), path).map(JsonNode::toString).orElse("-"));
                    }
                }
                throw new AssertionError("timed out waiting until " + what + "; webhook got " + webhook.summary()
                        + "; simulators: " + fleet.describe() + logs);
            }
            Thread.sleep(250);
        }
    }

    /**
     * Eight supernodes simulated in real time into the topic, keyed by supernode, as their collectors would
     * send them; faults are injected on the ticking thread, with their onset at the next tick.
     */
    static final class SimulatedFleet implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final Map<String, Simulator> simulators = new LinkedHashMap<>();
        private final Map<String, FrameProducer> producers = new HashMap<>();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

        SimulatedFleet(String bootstrap, String topic) {
            FrameProducerSettings settings = FrameProducerSettings.defaults(bootstrap, topic);
            producer = new KafkaProducer<>(settings.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
            long start = System.currentTimeMillis() / 1000 * 1000;
            for (int i = 1; i <= SUPERNODES; i++) {
                String sn = String.format("sn%02d", i);
                SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("cpo-72", sn)));
                simulators.put(sn, new Simulator(layout, new SimulationSettings(i, start, 1_000), Scenario.healthy()));
                producers.put(sn, new FrameProducer(layout, settings, producer));
            }
        }

        void start() {
            ticker.scheduleAtFixedRate(this::tick, 0, 200, TimeUnit.MILLISECONDS);
        }

        private volatile Throwable failure;
        private volatile long ticks;

        private void tick() {
            try {
                long now = System.currentTimeMillis();
                simulators.forEach((sn, sim) -> {
                    FrameProducer out = producers.get(sn);
                    while (sim.nextTime() <= now) {
                        sim.tick(out);
                        out.flushBatch();
                        ticks++;
                    }
                });
            } catch (Throwable e) {
                // Kept for the failure message: a scheduled task that throws is never run again.
                failure = e;
                throw e;
            }
        }

        /** Ticks so far, each simulator's next event time and the error that stopped them, if any. */
        String describe() {
            StringBuilder out = new StringBuilder("ticks " + ticks + ", failure " + failure);
            simulators.forEach((sn, sim) -> out.append(", ").append(sn).append(" next ")
                    .append(java.time.Instant.ofEpochMilli(sim.nextTime())));
            return out.toString();
        }

        /** Darkens {@code laser} (relative to the supernode, e.g. {@code t01/els0#0}) from the next tick on. */
        Fault inject(String supernode, String laser, Duration duration) throws Exception {
            Fault fault = new Fault(supernode, supernode + "/" + laser);
            ticker.submit(() -> {
                Simulator sim = simulators.get(supernode);
                sim.inject(FaultSpec.of(FaultType.F3, fault.laser(), sim.nextTime() - sim.settings().startMillis())
                        .withDuration(duration.toMillis()));
            }).get(10, TimeUnit.SECONDS);
            System.out.printf("injected: %s dark for %s%n", fault.laser(), duration);
            return fault;
        }

        @Override
        public void close() throws InterruptedException {
            ticker.shutdownNow();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** The SREs' webhook: records every alert event POSTed, with its Idempotency-Key. */
    static final class Webhook implements AutoCloseable {
        private final HttpServer server;
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> keys = new ConcurrentHashMap<>();

        Webhook() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/alerts", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    JsonNode e = JSON.readTree(in.readAllBytes());
                    events.add(e);
                    keys.merge(exchange.getRequestHeaders().getFirst("Idempotency-Key"), 1, Integer::sum);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
        }

        /** Ids of the firing alerts whose root cause is the fault's laser. */
        Set<String> firing(Fault f) {
            Set<String> ids = new TreeSet<>();
            for (JsonNode e : events) {
                JsonNode rc = e.get("rootCause");
                if (e.get("state").asText().equals("firing") && rc.get("device").asText().equals(f.device())
                        && rc.path("lane").asInt(-1) == f.lane()) {
                    ids.add(e.get("id").asText());
                }
            }
            return ids;
        }

        boolean resolved(String id) {
            return resolvedCount(id) > 0;
        }

        long resolvedCount(String id) {
            return events.stream().filter(e -> e.get("id").asText().equals(id)
                    && e.get("state").asText().equals("resolved")).count();
        }

        /** Idempotency keys delivered more than once. */
        Map<String, Integer> duplicates() {
            Map<String, Integer> out = new TreeMap<>();
            keys.forEach((k, n) -> {
                if (n > 1) {
                    out.put(k, n);
                }
            });
            return out;
        }

        int count() {
            return events.size();
        }

        String summary() {
            List<String> lines = new ArrayList<>();
            events.forEach(e -> lines.add(e.get("state").asText() + " " + e.get("id").asText()));
            return lines.toString();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Polls every live instance's fleet view twice a second and notes each time it lists fewer than eight. */
    static final class FleetWatch implements AutoCloseable {
        private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        private final List<String> gaps = new CopyOnWriteArrayList<>();
        private volatile int polls;

        FleetWatch(List<TwinProcess> twins) {
            poller.scheduleWithFixedDelay(() -> {
                for (TwinProcess t : twins) {
                    if (!t.isAlive()) {
                        continue;
                    }
                    Optional<JsonNode> f = fleetOf(t);
                    polls++;
                    int listed = f.map(j -> j.get("supernodes").size()).orElse(-1);
                    if (listed != SUPERNODES && t.isAlive()) {
                        gaps.add(t.base() + " listed " + listed);
                    }
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
        }

        List<String> gaps() {
            return gaps;
        }

        int polls() {
            return polls;
        }

        @Override
        public void close() throws InterruptedException {
            poller.shutdownNow();
            poller.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
