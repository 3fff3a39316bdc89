package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.app.runtime.SimulatedSupernode;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.api.history.HistorySource;
import dev.supernodetwin.dashboard.api.history.InfluxHistorySource;
import dev.supernodetwin.dashboard.api.history.MemoryHistorySource;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every REST resource on a real port: the answers, and the error code for each kind of bad request. */
@ExtendWith(VertxExtension.class)
class ApiServerTest {
    private final ApiFixture f = new ApiFixture();
    private Simulator simulator;
    private SimulatedSupernode sim;
    private WebClient client;
    private int port;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        for (long t = 1_000; t <= 5_000; t += 1_000) {
            f.report("tn/gpu0", Metric.TEMP_C, t, 60 + t / 1_000);
            f.reportLane("tn/gpu0/oe0", 3, Metric.RX_DBM, t, -4);
        }
        f.alerts.onAlert(ApiFixture.firing("A1", "tn/gpu0", List.of("tn/gpu0/oe0#3"), OptionalLong.empty()));
        f.alerts.onAlert(ApiFixture.firing("P2", "tn/els0", List.of(), OptionalLong.of(90_000)));
        f.alerts.onAlert(ApiFixture.firing("P1", "tn/els0", List.of(), OptionalLong.of(60_000)));
        simulator = new Simulator(f.layout, new SimulationSettings(1, 0, 1_000), Scenario.healthy());
        sim = new SimulatedSupernode(simulator, new Twin(f.layout, StalenessPolicy.DEFAULT), f.board, f.history,
                InstantSource.system(), 1_000, Throwable::printStackTrace);
        port = deploy(vertx, new MemoryHistorySource(f.history), Optional.of(sim::injectNow));
        client = WebClient.create(vertx);
    }

    private int deploy(Vertx vertx, HistorySource history, Optional<FaultInjector> faults) throws Exception {
        ApiSources api = new ApiSources(f.layout, f.board, f.alerts, RuleSet.defaults(), history, faults,
                InstantSource.fixed(java.time.Instant.ofEpochMilli(7_000)));
        DashboardServer server = new DashboardServer("127.0.0.1", 0, new DashboardServer.Views(
                TopologyView.of(f.topo, RuleSet.defaults()), new LiveFeed(f.board, new LiveView(f.layout), 1_000), api),
                new DemoProbes(f.board, InstantSource.system(), "tn"));
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<Buffer> get(String uri) throws Exception {
        return client.get(port, "127.0.0.1", uri).send().await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> post(String uri, String body) throws Exception {
        return client.post(port, "127.0.0.1", uri).sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    }

    private static void assertError(HttpResponse<Buffer> r, int status, String code) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("content-type")).startsWith("application/json");
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo(code);
        assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
    }

    @Test
    void topologyAndDevice() throws Exception {
        HttpResponse<Buffer> topo = get("/api/topology");
        assertThat(topo.statusCode()).isEqualTo(200);
        assertThat(topo.bodyAsJsonObject().getJsonArray("ocsPort")).hasSize(32);

        HttpResponse<Buffer> device = get("/api/device?id=tn%2Fgpu0");
        assertThat(device.statusCode()).isEqualTo(200);
        assertThat(device.bodyAsJsonObject().getJsonArray("engines")).containsExactly("tn/gpu0/oe0");
        assertThat(device.bodyAsJsonObject().getJsonArray("alerts")).hasSize(1);
        assertError(get("/api/device?id=tn%2Fnope"), 404, "device.unknown");
        assertError(get("/api/device"), 400, "http.bad-request");
    }

    @Test
    void lanesLaserAndOcsPort() throws Exception {
        HttpResponse<Buffer> lanes = get("/api/lanes?metric=rx_dbm");
        assertThat(lanes.statusCode()).isEqualTo(200);
        assertThat(lanes.bodyAsJsonObject().getJsonArray("values").getDouble(3)).isEqualTo(-4.0);
        assertError(get("/api/lanes?metric=temp_c"), 400, "metric.unknown");
        assertError(get("/api/lanes?metric=nope"), 400, "metric.unknown");

        assertThat(get("/api/laser?id=tn%2Fels0%230").bodyAsJsonObject().getJsonArray("lanes")).hasSize(4);
        assertError(get("/api/laser?id=tn%2Fels0%239"), 404, "lane.unknown");
        assertError(get("/api/laser?id=tn%2Fgpu0%2Foe0%230"), 404, "lane.unknown");
        assertThat(get("/api/ocs-port?id=tn%2Focs1%230").bodyAsJsonObject().getJsonArray("links")).hasSize(1);
        assertError(get("/api/ocs-port?id=tn%2Focs1%2399"), 404, "lane.unknown");
    }

    @Test
    void alertsAcksAndPredictions() throws Exception {
        HttpResponse<Buffer> ack = post("/api/alerts/ack", "{\"id\": \"A1\", \"by\": \"ana\"}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.bodyAsJsonObject()).isEqualTo(new JsonObject().put("id", "A1").put("by", "ana").put("at", 7_000));
        JsonObject alerts = get("/api/alerts").bodyAsJsonObject();
        assertThat(alerts.getJsonArray("firing")).hasSize(3);
        assertThat(alerts.getJsonObject("acks").getJsonObject("A1").getString("by")).isEqualTo("ana");
        assertError(post("/api/alerts/ack", "{\"id\": \"nope\", \"by\": \"ana\"}"), 404, "alert.unknown");
        assertError(post("/api/alerts/ack", "{\"id\": \"A1\"}"), 400, "http.bad-request");
        assertError(post("/api/alerts/ack", "{not json"), 400, "http.bad-request");
        assertError(post("/api/alerts/ack", "x".repeat(DashboardServer.BODY_LIMIT_BYTES + 1)), 413, "http.too-large");

        JsonArray predictions = get("/api/predictions").bodyAsJsonObject().getJsonArray("predictions");
        assertThat(predictions.stream().map(p -> ((JsonObject) p).getJsonObject("alert").getString("id")))
                .containsExactly("P1", "P2");
        assertThat(predictions.getJsonObject(0).getLong("etaInMs")).isEqualTo(60_000 - 5_000);
    }

    @Test
    void historyFromMemory() throws Exception {
        HttpResponse<Buffer> h = get("/api/history?device=tn%2Fgpu0&metric=temp_c&from=0&to=9999&points=10");
        assertThat(h.statusCode()).as(h.bodyAsString()).isEqualTo(200);
        JsonObject body = h.bodyAsJsonObject();
        assertThat(body.getString("source")).isEqualTo("memory");
        assertThat(body.getJsonObject("thresholds").getString("direction")).isEqualTo("above");
        assertThat(body.getJsonArray("points")).containsExactly(new JsonArray(List.of(1_000, 61.0, 61.0, 61.0)),
                new JsonArray(List.of(2_000, 62.0, 62.0, 62.0)), new JsonArray(List.of(3_000, 63.0, 63.0, 63.0)),
                new JsonArray(List.of(4_000, 64.0, 64.0, 64.0)), new JsonArray(List.of(5_000, 65.0, 65.0, 65.0)));
        HttpResponse<Buffer> lane = get("/api/history?device=tn%2Fgpu0%2Foe0&lane=3&metric=rx_dbm&points=1");
        assertThat(lane.bodyAsJsonObject().getInteger("lane")).isEqualTo(3);
        assertThat(lane.bodyAsJsonObject().getJsonArray("points")).hasSize(1);

        assertError(get("/api/history?device=tn%2Fgpu0&metric=temp_c&from=10&to=5"), 400, "range.invalid");
        assertError(get("/api/history?device=tn%2Fnope&metric=temp_c"), 404, "device.unknown");
        assertError(get("/api/history?device=tn%2Fgpu0&metric=nope"), 400, "metric.unknown");
        assertError(get("/api/history?device=tn%2Fgpu0&metric=rx_dbm"), 404, "sensor.unknown");
        assertError(get("/api/history?device=tn%2Fgpu0%2Foe0&metric=rx_dbm&lane=8"), 404, "sensor.unknown");
        assertError(get("/api/history?device=tn%2Fgpu0&metric=temp_c&points=5001"), 400, "http.bad-request");
        assertError(get("/api/history?device=tn%2Fgpu0&metric=temp_c&to=soon"), 400, "http.bad-request");
    }

    @Test
    void historyFromAnInfluxDbThatDoesNotAnswerIsUnavailable(Vertx vertx) throws Exception {
        // Nothing listens on port 1: the query fails the way it does when InfluxDB is down.
        try (InfluxHistorySource down = new InfluxHistorySource("http://127.0.0.1:1", "twin")) {
            port = deploy(vertx, down, Optional.empty());
            assertError(get("/api/history?device=tn%2Fgpu0&metric=temp_c"), 503, "history.unavailable");
        }
    }

    @Test
    void demoFaults(Vertx vertx) throws Exception {
        HttpResponse<Buffer> ok = post("/api/demo/faults",
                "{\"fault\": \"F3\", \"target\": \"tn/els0#0\", \"duration\": \"10m\"}");
        assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(202);
        assertThat(ok.bodyAsJsonObject().getJsonObject("accepted").getString("fault")).isEqualTo("F3");
        // The injection completed on the simulator's own thread before the answer was sent.
        assertThat(simulator.groundTruth()).hasSize(1);
        assertError(post("/api/demo/faults", "{\"fault\": \"F3\", \"target\": \"tn/gpu0\"}"), 400, "demo.bad-fault");
        assertError(post("/api/demo/faults", "{\"fault\": \"F99\", \"target\": \"tn/els0#0\"}"), 400,
                "demo.bad-fault");
        assertError(post("/api/demo/faults", "[]"), 400, "http.bad-request");

        port = deploy(vertx, new MemoryHistorySource(f.history), Optional.empty());
        assertError(post("/api/demo/faults", "{\"fault\": \"F3\", \"target\": \"tn/els0#0\"}"), 404, "demo.inactive");
    }

    @Test
    void wrongPathsAndMethodsAreJsonErrors() throws Exception {
        assertError(get("/api/nothing"), 404, "http.not-found");
        assertError(client.request(HttpMethod.DELETE, port, "127.0.0.1", "/api/topology").send()
                .await(10, TimeUnit.SECONDS), 405, "http.method-not-allowed");
        assertError(post("/api/device?id=tn%2Fgpu0", "{}"), 405, "http.method-not-allowed");
        assertError(get("/api/alerts/ack"), 405, "http.method-not-allowed");
        assertThat(client.request(HttpMethod.HEAD, port, "127.0.0.1", "/").send().await(10, TimeUnit.SECONDS)
                .statusCode()).isEqualTo(200);
        assertError(get("/no-such-file.js"), 404, "http.not-found");
    }
}
