package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.app.state.AlertState;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.dashboard.api.history.MemoryHistorySource;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Silences, the silenced flag and alert history on a real port, with state kept in a temporary folder. */
@ExtendWith(VertxExtension.class)
class SilencesApiTest {
    private static final long NOW = 1_700_000_000_000L;
    private final ApiFixture f = new ApiFixture();
    private final AtomicLong now = new AtomicLong(NOW);
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    @TempDir
    Path stateDir;
    private AlertState state;
    private WebClient client;
    private int port;

    private static AlertEvent laneAlert(String id, String device, int lane) {
        return new AlertEvent(id, NOW - 5_000, "tn", AlertEvent.State.FIRING, AlertEvent.Kind.ANOMALY,
                AlertEvent.Severity.ALARM, AlertEvent.Category.OPTICAL, "optical.rx_power.low", device,
                OptionalInt.of(lane), new AlertEvent.RootCause(device, OptionalInt.of(lane), "rx low"), List.of(),
                OptionalLong.empty(), "rx low on " + device + "#" + lane);
    }

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        state = AlertState.open(new AlertState.Settings(stateDir, Optional.empty(), ""), f.topo, clock);
        for (AlertEvent e : List.of(laneAlert("L1", "tn/sw/oe0", 2), laneAlert("L2", "tn/gpu1/oe0", 1))) {
            f.alerts.onAlert(e);
            state.historySink().onAlert(e);
        }
        ApiSources api = new ApiSources(f.layout, f.board, f.alerts, RuleSet.defaults(),
                new MemoryHistorySource(f.history), Optional.empty(), clock, state.acks(), state.silences(),
                state.historySource());
        DashboardServer server = new DashboardServer("127.0.0.1", 0, new DashboardServer.Views(
                TopologyView.of(f.topo, RuleSet.defaults()), new LiveFeed(LiveSources.live(f.board, () -> 0),
                new LiveView(f.layout), 1_000), api), new DemoProbes(f.board, InstantSource.system(), "tn"));
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
        port = server.actualPort();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        state.close();
    }

    private HttpResponse<Buffer> send(io.vertx.core.http.HttpMethod method, String uri, String body) throws Exception {
        var req = client.request(method, port, "127.0.0.1", uri);
        return (body == null ? req.send() : req.sendBuffer(Buffer.buffer(body))).await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String uri) throws Exception {
        return send(io.vertx.core.http.HttpMethod.GET, uri, null);
    }

    private HttpResponse<Buffer> post(String uri, String body) throws Exception {
        return send(io.vertx.core.http.HttpMethod.POST, uri, body);
    }

    private HttpResponse<Buffer> delete(String uri) throws Exception {
        return send(io.vertx.core.http.HttpMethod.DELETE, uri, null);
    }

    private static void assertError(HttpResponse<Buffer> r, int status, String code) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo(code);
    }

    private JsonObject alert(String id) throws Exception {
        JsonArray firing = get("/api/alerts").bodyAsJsonObject().getJsonArray("firing");
        return firing.stream().map(JsonObject.class::cast).filter(o -> o.getString("id").equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void aLaserSilenceFlagsTheAlertsDownstreamUntilItIsExpired() throws Exception {
        HttpResponse<Buffer> created = post("/api/silences",
                "{\"target\":\"tn/els0#0\",\"duration\":\"2h\",\"comment\":\"replacing ELS\",\"by\":\"ann\"}");
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject s = created.bodyAsJsonObject();
        assertThat(s.getString("target")).isEqualTo("tn/els0#0");
        assertThat(s.getString("createdBy")).isEqualTo("ann");
        assertThat(s.getLong("startsAt")).isEqualTo(NOW);
        assertThat(s.getLong("endsAt")).isEqualTo(NOW + 7_200_000);
        // laser + 4 lit lanes + 4 far ends + 8 OCS ports
        assertThat(s.getJsonObject("covers").getInteger("lanes")).isEqualTo(17);
        assertThat(s.getJsonObject("covers").getInteger("devices")).isZero();

        assertThat(alert("L1").getJsonObject("silenced")).isEqualTo(new JsonObject().put("id", s.getString("id"))
                .put("target", "tn/els0#0"));
        assertThat(alert("L2").containsKey("silenced")).isFalse();
        assertThat(state.silences().test(f.alerts.view().firing().get(0))).isTrue();
        assertThat(state.silences().test(f.alerts.view().firing().get(1))).isFalse();

        JsonArray listed = get("/api/silences").bodyAsJsonObject().getJsonArray("silences");
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getBoolean("active")).isTrue();

        now.addAndGet(60_000);
        HttpResponse<Buffer> expired = delete("/api/silences?id=" + s.getString("id"));
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(expired.bodyAsJsonObject().getBoolean("active")).isFalse();
        assertThat(expired.bodyAsJsonObject().getLong("endsAt")).isEqualTo(NOW + 60_000);
        assertThat(alert("L1").containsKey("silenced")).isFalse();
        assertThat(get("/api/silences").bodyAsJsonObject().getJsonArray("silences")).hasSize(1);
    }

    @Test
    void createdByDefaultsToAnonymousAndTraysRacksAndEndsAtAreAccepted() throws Exception {
        HttpResponse<Buffer> r = post("/api/silences", "{\"target\":\"tn/cdu1\",\"endsAt\":" + (NOW + 1000) + "}");
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        assertThat(r.bodyAsJsonObject().getString("createdBy")).isEqualTo("anonymous");
        assertThat(r.bodyAsJsonObject().getString("comment")).isEmpty();
        assertThat(alert("L2").getJsonObject("silenced").getString("target")).isEqualTo("tn/cdu1");
    }

    @Test
    void badSilencesAreRefusedWithStableCodes() throws Exception {
        assertError(post("/api/silences", "{\"target\":\"tn/nothing\",\"duration\":\"1h\"}"), 400,
                "silence.unknown-target");
        assertError(post("/api/silences", "{\"target\":\"tray:t99\",\"duration\":\"1h\"}"), 400,
                "silence.unknown-target");
        assertError(post("/api/silences", "{\"target\":\"tn/gpu0\"}"), 400, "silence.invalid-end");
        assertError(post("/api/silences", "{\"target\":\"tn/gpu0\",\"duration\":\"2x\"}"), 400, "silence.invalid-end");
        assertError(post("/api/silences", "{\"target\":\"tn/gpu0\",\"duration\":\"90d\"}"), 400, "silence.invalid-end");
        assertError(post("/api/silences", "{\"target\":\"tn/gpu0\",\"endsAt\":" + (NOW - 1) + "}"), 400,
                "silence.invalid-end");
        assertError(post("/api/silences", "{\"target\":\"tn/gpu0\",\"duration\":\"1h\",\"endsAt\":1}"), 400,
                "silence.invalid-end");
        assertError(post("/api/silences", "{\"target\":7,\"duration\":\"1h\"}"), 400, "http.bad-request");
        assertError(post("/api/silences", "{\"target\":\"tn/gpu0\",\"duration\":\"1h\",\"by\":5}"), 400,
                "http.bad-request");
        assertError(post("/api/silences", "{nope"), 400, "http.bad-request");
        assertError(post("/api/silences", "x".repeat(Responses.BODY_LIMIT_BYTES + 10)), 413, "http.too-large");
        assertError(delete("/api/silences?id=nope"), 404, "silence.unknown");
        assertError(delete("/api/silences"), 400, "http.bad-request");
        assertThat(get("/api/silences").bodyAsJsonObject().getJsonArray("silences")).isEmpty();
    }

    @Test
    void historyListsAlertsAcksAndSilenceChangesNewestFirst() throws Exception {
        String id = post("/api/silences", "{\"target\":\"tn/gpu1\",\"duration\":\"1h\",\"by\":\"bob\"}")
                .bodyAsJsonObject().getString("id");
        assertThat(post("/api/alerts/ack", "{\"id\":\"L2\",\"by\":\"cat\"}").statusCode()).isEqualTo(200);
        now.addAndGet(1_000);
        delete("/api/silences?id=" + id);
        JsonArray entries = awaitHistory("/api/alerts/history", 5);
        assertThat(entries.stream().map(o -> ((JsonObject) o).getString("state")).toList())
                .containsExactly("unsilenced", "silenced", "acknowledged", "firing", "firing");
        assertThat(entries.getJsonObject(2).getString("by")).isEqualTo("cat");
        JsonArray gpu1 = get("/api/alerts/history?device=tn%2Fgpu1%2Foe0").bodyAsJsonObject().getJsonArray("entries");
        assertThat(gpu1.stream().map(o -> ((JsonObject) o).getString("id")).toList()).containsExactly("L2", "L2");
        assertThat(get("/api/alerts/history?limit=1&to=" + (NOW - 1)).bodyAsJsonObject().getJsonArray("entries")
                .getJsonObject(0).getString("state")).isEqualTo("firing");
        assertError(get("/api/alerts/history?limit=0"), 400, "http.bad-request");
        assertError(get("/api/alerts/history?from=5&to=4"), 400, "http.bad-request");
        assertError(get("/api/alerts/history?from=x"), 400, "http.bad-request");
    }

    @Test
    void silencesAndAcksSurviveARestart() throws Exception {
        post("/api/silences", "{\"target\":\"tn/els0\",\"duration\":\"1h\",\"comment\":\"swap\"}");
        post("/api/alerts/ack", "{\"id\":\"L1\",\"by\":\"dan\"}");
        state.close();
        state = AlertState.open(new AlertState.Settings(stateDir, Optional.empty(), ""), f.topo, clock);
        assertThat(state.silences().current().all()).singleElement()
                .satisfies(s -> assertThat(s.comment()).isEqualTo("swap"));
        assertThat(state.silences().test(f.alerts.view().firing().get(0))).isTrue();
        assertThat(state.acks().of(f.alerts.view())).containsKey("L1");
    }

    /** Alert history is written by a background thread: waits until it shows {@code count} entries. */
    private JsonArray awaitHistory(String uri, int count) throws Exception {
        JsonArray entries = new JsonArray();
        for (int i = 0; i < 100 && entries.size() < count; i++) {
            Thread.sleep(50);
            entries = get(uri).bodyAsJsonObject().getJsonArray("entries");
        }
        return entries;
    }
}
