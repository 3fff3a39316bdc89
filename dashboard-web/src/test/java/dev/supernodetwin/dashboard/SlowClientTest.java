package dev.supernodetwin.dashboard;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops reading: the server skips it while its socket is busy (conflation) and, once it
 * reads again, sends it a full message and then deltas. Large messages (oio-1024, every value changing
 * each tick) fill the socket's buffers within seconds.
 */
@ExtendWith(VertxExtension.class)
class SlowClientTest {
    /** Held for the whole test: Vert.x closes a client that is no longer reachable. */
    private WebSocketClient client;

    @Test
    void aClientThatFellBehindSkipsTicksThenGetsAFullMessageAndDeltasAgain(Vertx vertx) throws Exception {
        SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("oio-1024", "sn01")));
        StateSnapshot[] changing = twoDifferentSnapshots(layout);
        SnapshotBoard board = new SnapshotBoard();
        board.publish(changing[0]);
        AlertBoard alerts = new AlertBoard();
        LiveFeed feed = new LiveFeed(LiveSources.live(board, () -> 0), new LiveView(layout), 50);
        int port = DashboardServer.deploy(vertx, "127.0.0.1", 0, TestViews.of(layout, board, alerts, feed), new DemoProbes(board, InstantSource.system(), "sn01"))
                .await(10, TimeUnit.SECONDS);
        // Every value changes each tick while the client is stalled.
        Thread writer = new Thread(() -> alternate(board, changing), "alternating-writer");
        writer.setDaemon(true);
        writer.start();

        List<JsonObject> got = new CopyOnWriteArrayList<>();
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(16 << 20)
                .setMaxMessageSize(16 << 20));
        WebSocket ws = client.connect(port, "127.0.0.1", "/live").await(10, TimeUnit.SECONDS);
        ws.textMessageHandler(t -> got.add(headerOnly(new JsonObject(t))));
        await(() -> !got.isEmpty());
        ws.pause();
        await(() -> feed.skipped() > 0);
        writer.interrupt();
        writer.join();
        int before = got.size();
        ws.resume();
        await(() -> got.size() > before + 40 && lastIsDelta(got));

        List<JsonObject> messages = new ArrayList<>(got);
        int gap = firstGap(messages);
        assertThat(gap).as("a tick skipped while the client was stalled").isPositive();
        assertThat(messages.get(gap).getString("type")).isEqualTo("full");
        JsonObject last = messages.get(messages.size() - 1);
        JsonObject beforeLast = messages.get(messages.size() - 2);
        assertThat(last.getString("type")).isEqualTo("delta");
        assertThat(last.getLong("seq")).isEqualTo(beforeLast.getLong("seq") + 1);
    }

    private static StateSnapshot[] twoDifferentSnapshots(SensorLayout layout) {
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        Simulator sim = new Simulator(layout, new SimulationSettings(1, 1_767_225_600_000L, 500), Scenario.healthy());
        StateSnapshot[] s = new StateSnapshot[2];
        for (int t = 0; t < 4; t++) {
            sim.tick(twin::apply);
            s[t % 2] = twin.state().snapshot(sim.nextTime() - 1);
        }
        return s;
    }

    private static void alternate(SnapshotBoard board, StateSnapshot[] snapshots) {
        try {
            for (int i = 0; ; i++) {
                board.publish(snapshots[i % 2]);
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObject headerOnly(JsonObject message) {
        message.remove("values");
        return message;
    }

    private static boolean lastIsDelta(List<JsonObject> got) {
        return "delta".equals(got.get(got.size() - 1).getString("type"));
    }

    private static int firstGap(List<JsonObject> messages) {
        for (int i = 1; i < messages.size(); i++) {
            if (messages.get(i).getLong("seq") != messages.get(i - 1).getLong("seq") + 1) {
                return i;
            }
        }
        return -1;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 60 s").isTrue();
    }
}
