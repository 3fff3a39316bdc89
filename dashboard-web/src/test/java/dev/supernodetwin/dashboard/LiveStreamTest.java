package dev.supernodetwin.dashboard;

import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.app.runtime.SimulatedSupernode;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.dashboard.live.TopologyView;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.core.Vertx;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.core.http.WebSocket;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.core.http.WebSocketClient;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.core.json.JsonObject;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.junit5.VertxExtension;
import dev.supernodetwin.core.history.RecentHistory;
import org.junit.jupiter.api.AfterEach;
import dev.supernodetwin.core.history.RecentHistory;
import org.junit.jupiter.api.BeforeEach;
import dev.supernodetwin.core.history.RecentHistory;
import org.junit.jupiter.api.Test;
import dev.supernodetwin.core.history.RecentHistory;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.supernodetwin.core.history.RecentHistory;
import java.time.InstantSource;
import dev.supernodetwin.core.history.RecentHistory;
import java.util.ArrayList;
import dev.supernodetwin.core.history.RecentHistory;
import java.util.List;
import dev.supernodetwin.core.history.RecentHistory;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.supernodetwin.core.history.RecentHistory;
import java.util.concurrent.TimeUnit;

import dev.supernodetwin.core.history.RecentHistory;
import static org.assertj.core.api.Assertions.assertThat;

/** The live WebSocket on a real port: a full message first, then deltas; clients spread over event loops. */
@ExtendWith(VertxExtension.class)
class LiveStreamTest {
    private SimulatedSupernode sim;
    private LiveFeed feed;
    private int port;
    /** Held for the whole test: Vert.x closes a client that is no longer reachable. */
    private WebSocketClient client;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        Topology topo = Topology.of(TinyTopology.document());
        SensorLayout layout = new SensorLayout(topo);
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        SnapshotBoard board = new SnapshotBoard();
        InstantSource clock = InstantSource.system();
        sim = new SimulatedSupernode(new Simulator(layout, new SimulationSettings(3, clock.millis(), 100),
                Scenario.healthy()), twin, board, RecentHistory.withDefaults(layout.sensorCount()), clock, 100, Throwable::printStackTrace);
        sim.start();
        AlertBoard alerts = new AlertBoard();
        feed = new LiveFeed(LiveSources.live(board, () -> alerts.view().events()), new LiveView(layout), 50);
        port = DashboardServer.deploy(vertx, "127.0.0.1", 0, TestViews.of(layout, board, alerts, feed), new DemoProbes(board, clock, topo.supernode())).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aClientGetsAFullMessageThenDeltasWithConsecutiveSequenceNumbers(Vertx vertx) throws Exception {
        List<JsonObject> got = new CopyOnWriteArrayList<>();
        client = vertx.createWebSocketClient();
        client.connect(port, "127.0.0.1", "/live").await(10, TimeUnit.SECONDS)
                .textMessageHandler(t -> got.add(new JsonObject(t)));

        awaitSize(got, 8);

        List<JsonObject> messages = new ArrayList<>(got);
        assertThat(messages.get(0).getString("type")).isEqualTo("full");
        assertThat(messages.get(0).getJsonObject("values").getJsonArray("gpu.temp_c")).hasSize(2);
        assertThat(messages.get(0).getJsonObject("values").fieldNames()).contains("switch.temp_c", "switch.power_w",
                "oe.rx_dbm_min", "leak.state");
        for (int i = 1; i < messages.size(); i++) {
            assertThat(messages.get(i).getString("type")).as("message %d", i).isEqualTo("delta");
            assertThat(messages.get(i).getLong("seq")).isEqualTo(messages.get(i - 1).getLong("seq") + 1);
            assertThat(messages.get(i).getLong("sent")).isGreaterThanOrEqualTo(messages.get(i - 1).getLong("sent"));
        }
    }

    @Test
    void clientsAreSpreadOverTheServersEventLoops(Vertx vertx) throws Exception {
        List<JsonObject> got = new CopyOnWriteArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        client = vertx.createWebSocketClient();
        for (int i = 0; i < 4; i++) {
            WebSocket ws = client.connect(port, "127.0.0.1", "/live").await(10, TimeUnit.SECONDS);
            ws.textMessageHandler(t -> got.add(new JsonObject(t)));
            sockets.add(ws);
        }

        awaitSize(got, 8);

        assertThat(feed.eventLoops()).isEqualTo(DashboardServer.EVENT_LOOPS);
        assertThat(feed.clientCount()).isEqualTo(4);
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }
}
