package dev.supernodetwin.app.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.silence.Silence;
import dev.supernodetwin.core.silence.SilenceTarget;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.dashboard.api.SilenceBoard;
import dev.supernodetwin.ingest.notify.AlertFilter;
import dev.supernodetwin.ingest.notify.Destination;
import dev.supernodetwin.ingest.notify.Receiver;
import dev.supernodetwin.ingest.notify.Receivers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Alerts of the twin's real detection path reach a real Prometheus Alertmanager (v2 API) and end
 * there when the fault clears, also when the alert was silenced. Needs {@code TWIN_ALERTMANAGER_URL}
 * (scripts/services.sh).
 */
class AlertmanagerNotificationIT {
    private static final Duration RESEND = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String alertmanager = alertmanagerUrl();

    @Test
    void aDeadLaserIsOneAlertInAlertmanagerThatEndsWhenTheLaserIsBack() throws Exception {
        try (Notifier notifier = notifier(SendContext.nothingSilenced())) {
            LaserFaultRig rig = new LaserFaultRig(notifier);
            AlertEvent firing = rig.firing();

            awaitTrue("the alert is active in Alertmanager", () -> alerts(rig.supernode).size() == 1);
            JsonNode alert = alerts(rig.supernode).get(0);
            JsonNode labels = alert.get("labels");
            assertThat(labels.get("alertname").asText()).isEqualTo("optical.laser");
            assertThat(labels.get("root_cause").asText()).isEqualTo(rig.laser);
            assertThat(labels.get("severity").asText()).isEqualTo(firing.severity().name().toLowerCase());
            assertThat(labels.get("category").asText()).isEqualTo("optical");
            assertThat(labels.get("supernode").asText()).isEqualTo(rig.supernode);
            assertThat(labels.get("alert_id").asText()).isEqualTo(firing.id());
            assertThat(alert.get("status").get("state").asText()).isEqualTo("active");
            assertThat(Instant.parse(alert.get("startsAt").asText())).isEqualTo(Instant.ofEpochMilli(firing.ts()));
            assertThat(alert.get("generatorURL").asText()).isEqualTo("http://twin.test:8080/?sn="
                    + rig.supernode + "#/alerts?id=" + URLEncoder.encode(firing.id(), StandardCharsets.UTF_8));

            AlertEvent resolve = rig.resolved(firing.id());

            // Without the resolve Alertmanager would hold the alert for 4 x resend (4 minutes).
            awaitTrue("the alert ends in Alertmanager", () -> alerts(rig.supernode).isEmpty());
            assertThat(resolve.ts()).isLessThan(System.currentTimeMillis());
            assertThat(rig.events()).filteredOn(e -> e.state() == State.FIRING)
                    .extracting(AlertEvent::id).containsOnly(firing.id());
            NotificationStats stats = notifier.stats().get("am");
            assertThat(stats.sent(State.RESOLVED)).isEqualTo(1);
            assertThat(stats.failed()).isZero();
        }
    }

    @Test
    void aSilencedLaserNeverFiresInAlertmanagerButItsResolveIsDelivered() throws Exception {
        double firingBefore = received("firing");
        double resolvedBefore = received("resolved");
        // The twin's own topology silence, made once the rig's supernode exists.
        AtomicReference<Predicate<AlertEvent>> silences = new AtomicReference<>(e -> false);
        try (Notifier notifier = notifier(e -> silences.get().test(e))) {
            LaserFaultRig rig = new LaserFaultRig(notifier);
            SilenceBoard board = new SilenceBoard(rig.topology, InstantSource.system());
            long now = System.currentTimeMillis();
            board.add(new Silence("maintenance", SilenceTarget.parse(rig.laser, rig.topology).orElseThrow(),
                    now, now + 3_600_000, "sre", "replacing the laser"));
            silences.set(board);
            assertCoversEveryLaneTheLaserLights(board, rig);
            AlertEvent firing = rig.firing();
            rig.resolved(firing.id());

            NotificationStats stats = notifier.stats().get("am");
            awaitTrue("the resolve is delivered", () -> stats.sent(State.RESOLVED) == 1);
            assertThat(stats.sent(State.FIRING)).isZero();
            assertThat(stats.silenced()).isPositive();
        }
        assertThat(received("resolved") - resolvedBefore).as("resolves Alertmanager received").isEqualTo(1);
        assertThat(received("firing") - firingBefore).as("firing alerts Alertmanager received").isZero();
    }

    /** The silence of the laser covers alerts rooted at the laser and at each lane it lights. */
    private static void assertCoversEveryLaneTheLaserLights(SilenceBoard board, LaserFaultRig rig) {
        Topology topo = rig.topology;
        IntSeq lit = topo.litBy(topo.lane(rig.laser).orElseThrow());
        assertThat(lit.size()).isPositive();
        for (int i = 0; i < lit.size(); i++) {
            int lane = lit.get(i);
            String device = topo.device(topo.laneDevice(lane)).id().value();
            AlertEvent onLane = new AlertEvent("lane@1", 1, rig.supernode, State.FIRING, AlertEvent.Kind.ANOMALY,
                    AlertEvent.Severity.ALARM, AlertEvent.Category.OPTICAL, "optical.lane", device,
                    OptionalInt.of(topo.laneNumber(lane)), new AlertEvent.RootCause(device,
                    OptionalInt.of(topo.laneNumber(lane)), "test"), List.of(), OptionalLong.empty(), "lane");
            assertThat(board.test(onLane)).as("silence covers %s", topo.laneName(lane)).isTrue();
        }
    }

    private Notifier notifier(Predicate<AlertEvent> silenced) {
        Receiver am = new Receiver("am", new Destination.Alertmanager(URI.create(alertmanager), RESEND,
                Duration.ofSeconds(5)), AlertFilter.all());
        return Notifier.start(new Receivers(Optional.of(URI.create("http://twin.test:8080/")), List.of(am)),
                URI.create("http://127.0.0.1:1/"), SendContext.system(silenced));
    }

    /** The active alerts Alertmanager holds for {@code supernode}. */
    private List<JsonNode> alerts(String supernode) {
        String filter = URLEncoder.encode("supernode=\"" + supernode + "\"", StandardCharsets.UTF_8);
        List<JsonNode> out = new ArrayList<>();
        get("/api/v2/alerts?filter=" + filter).forEach(out::add);
        return out;
    }

    /** Alertmanager's own count of alerts received through the v2 API in {@code status}. */
    private double received(String status) {
        String metrics = text("/metrics");
        String series = "alertmanager_alerts_received_total{status=\"" + status + "\",version=\"v2\"} ";
        return metrics.lines().filter(l -> l.startsWith(series)).mapToDouble(l -> Double.parseDouble(
                l.substring(series.length()).trim())).findFirst().orElseThrow(() -> new AssertionError(
                "Alertmanager /metrics has no " + series));
    }

    private JsonNode get(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (java.io.IOException e) {
            throw new AssertionError("Alertmanager " + path + " is not JSON", e);
        }
    }

    private String text(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(alertmanager + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot reach Alertmanager at " + alertmanager, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String alertmanagerUrl() {
        String url = System.getenv("TWIN_ALERTMANAGER_URL");
        if (url == null || url.isBlank()) {
            fail("TWIN_ALERTMANAGER_URL is not set: these tests need a real Alertmanager. Run them with "
                    + "scripts/services.sh run -- mvn ... (or scripts/services.sh start && "
                    + "eval \"$(scripts/services.sh env)\").");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
