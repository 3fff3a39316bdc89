package dev.supernodetwin.dashboard;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.app.runtime.SimulatedSupernode;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.api.ApiSources;
import dev.supernodetwin.dashboard.api.history.MemoryHistorySource;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The live server end to end: simulator → twin state → snapshot → WebSocket and REST, on a real port. */
class LiveDashboardTest {

    private Vertx vertx;
    private SimulatedSupernode sim;
    private DashboardServer server;
    private final AlertBoard alerts = new AlertBoard(3);

    @BeforeEach
    void start() throws Exception {
        Topology topo = Topology.of(TinyTopology.document());
        SensorLayout layout = new SensorLayout(topo);
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        SnapshotBoard board = new SnapshotBoard();
        InstantSource clock = InstantSource.system();
        long period = 100;
        Simulator simulator = new Simulator(layout, new SimulationSettings(7, clock.millis(), period),
                new Scenario(List.of()));
        RecentHistory history = RecentHistory.withDefaults(layout.sensorCount());
        sim = new SimulatedSupernode(simulator, twin, board, history, clock, period, Throwable::printStackTrace);
        sim.start();
        vertx = Vertx.vertx();
        ApiSources api = new ApiSources(layout, board, alerts, RuleSet.defaults(), new MemoryHistorySource(history),
                Optional.empty(), clock);
        server = new DashboardServer("127.0.0.1", 0, new DashboardServer.Views(TopologyView.of(topo,
                RuleSet.defaults()), new LiveFeed(board, new LiveView(layout), 100), api),
                new DemoProbes(board, clock, topo.supernode()));
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void servesTheTopologyThePageAndAnErrorCodeForUnknownResources() throws Exception {
        WebClient client = WebClient.create(vertx);
        HttpResponse<Buffer> topo = client.get(server.actualPort(), "127.0.0.1", "/api/topology").send()
                .await(10, TimeUnit.SECONDS);
        assertThat(topo.statusCode()).isEqualTo(200);
        assertThat(topo.bodyAsJsonObject().getJsonArray("gpu")).hasSize(2);
        assertThat(topo.bodyAsJsonObject().getJsonArray("laser")).hasSize(4);

        HttpResponse<Buffer> page = client.get(server.actualPort(), "127.0.0.1", "/").send().await(10, TimeUnit.SECONDS);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("supernode-twin");

        HttpResponse<Buffer> missing = client.get(server.actualPort(), "127.0.0.1", "/api/nope").send()
                .await(10, TimeUnit.SECONDS);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("http.not-found");
    }

    @Test
    void pushesLiveUpdatesWhoseValuesChange() throws Exception {
        List<JsonObject> updates = new CopyOnWriteArrayList<>();
        WebSocketClient ws = vertx.createWebSocketClient();
        ws.connect(server.actualPort(), "127.0.0.1", "/live")
                .await(10, TimeUnit.SECONDS)
                .binaryMessageHandler(b -> updates.add(b.toJsonObject()));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (distinctGpuTemps(updates) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(distinctGpuTemps(updates)).as("distinct GPU temperature readings pushed").isGreaterThanOrEqualTo(2);
        JsonObject last = updates.get(updates.size() - 1);
        assertThat(last.getJsonArray("gpu.temp_c").getDouble(0)).isBetween(20.0, 100.0);
        assertThat(last.getJsonArray("laser.out_dbm")).hasSize(4);
        assertThat(last.getLong("frames")).isPositive();
    }

    @Test
    void servesTheFiringAlertsAndTheLatestEventsInWireFormat() throws Exception {
        // The board is fed from this thread, standing in for the twin's writer.
        alerts.onAlert(event("a", AlertEvent.State.FIRING));
        alerts.onAlert(event("b", AlertEvent.State.FIRING));
        alerts.onAlert(event("a", AlertEvent.State.RESOLVED));
        alerts.onAlert(event("c", AlertEvent.State.FIRING));

        HttpResponse<Buffer> r = WebClient.create(vertx).get(server.actualPort(), "127.0.0.1", "/api/alerts").send()
                .await(10, TimeUnit.SECONDS);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getLong("events")).isEqualTo(4);
        assertThat(body.getJsonArray("firing").stream().map(e -> ((JsonObject) e).getString("id")))
                .containsExactly("b", "c");
        assertThat(body.getJsonArray("recent").stream().map(e -> ((JsonObject) e).getString("id") + " "
                + ((JsonObject) e).getString("state"))).containsExactly("b firing", "a resolved", "c firing");
        JsonObject first = body.getJsonArray("firing").getJsonObject(0);
        assertThat(first.fieldNames()).containsExactly("id", "ts", "supernode", "state", "kind", "severity", "category",
                "rule", "device", "lane", "rootCause", "affected", "eta", "summary");
        assertThat(first.getJsonObject("rootCause").getString("device")).isEqualTo("tn/els0");
        assertThat(first.getInteger("lane")).isEqualTo(1);
        assertThat(first.getJsonArray("affected")).containsExactly("tn/gpu0/oe0#1");
        assertThat(first.getValue("eta")).isNull();
    }

    private static AlertEvent event(String id, AlertEvent.State state) {
        return new AlertEvent(id, 1_767_225_600_000L, "tn", state, AlertEvent.Kind.ANOMALY, AlertEvent.Severity.ALARM,
                AlertEvent.Category.OPTICAL, "optical.laser", "tn/els0", OptionalInt.of(1),
                new AlertEvent.RootCause("tn/els0", OptionalInt.of(1), "laser output down 3 dB"),
                List.of("tn/gpu0/oe0#1"), OptionalLong.empty(), "tn/els0#1: laser output down 3 dB");
    }

    private static long distinctGpuTemps(List<JsonObject> updates) {
        return updates.stream().map(u -> u.getJsonArray("gpu.temp_c").getValue(0)).filter(v -> v != null)
                .distinct().count();
    }
}
