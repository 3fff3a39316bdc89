package dev.supernodetwin.app;

import dev.supernodetwin.dashboard.TestViews;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.topology.preset.Presets;
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
import dev.supernodetwin.ingest.replay.EventTimePacer;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.ingest.replay.FileReplaySource;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.ingest.replay.ReplayControl;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.ingest.replay.ReplayOptions;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.core.Vertx;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.core.buffer.Buffer;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.core.json.JsonObject;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.ext.web.client.HttpResponse;
import dev.supernodetwin.core.history.RecentHistory;
import io.vertx.ext.web.client.WebClient;
import dev.supernodetwin.core.history.RecentHistory;
import org.junit.jupiter.api.AfterAll;
import dev.supernodetwin.core.history.RecentHistory;
import org.junit.jupiter.api.BeforeAll;
import dev.supernodetwin.core.history.RecentHistory;
import org.junit.jupiter.api.Test;
import dev.supernodetwin.core.history.RecentHistory;
import org.junit.jupiter.api.io.TempDir;

import dev.supernodetwin.core.history.RecentHistory;
import java.nio.file.Path;
import dev.supernodetwin.core.history.RecentHistory;
import java.time.InstantSource;
import dev.supernodetwin.core.history.RecentHistory;
import java.util.Optional;
import dev.supernodetwin.core.history.RecentHistory;
import java.util.concurrent.TimeUnit;
import dev.supernodetwin.core.history.RecentHistory;
import java.util.function.Predicate;

import dev.supernodetwin.core.history.RecentHistory;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/replay} on a real port over a replay of a small recording, and in a twin that is not replaying. */
class ReplayApiTest {
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static Vertx liveVertx;
    private static WebClient client;
    private static ReplayControl control;
    private static int replayPort;
    private static int livePort;

    @BeforeAll
    static void start() throws Exception {
        Path recording = dir.resolve("run.ndjson.gz");
        assertThat(CommandRun.of("simulate", "--preset", "cpo-72", "--duration", "60s", "--out",
                recording.toString()).status()).isZero();
        Topology topo = Topology.of(Presets.expand("cpo-72", "sn01"));
        SensorLayout layout = new SensorLayout(topo);
        // Slow enough that the test can pause it long before the end.
        control = new ReplayControl(0.5, EventTimePacer.Ticker.system(), EventTimePacer.Sleeper.system());
        SnapshotBoard board = new SnapshotBoard();
        AlertBoard alerts = new AlertBoard();
        ServedReplay.Setup setup = new ServedReplay.Setup(layout, RuleSet.defaults(), ReplayOptions.maxSpeed(),
                decoder -> FileReplaySource.open(recording, decoder.limits()), 100);
        Thread replay = new Thread(new ServedReplay(setup, control, new ServedReplay.Boards(board, alerts,
                RecentHistory.withDefaults(layout.sensorCount()))), "replay-under-test");
        replay.setDaemon(true);
        replay.start();
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        LiveFeed feed = new LiveFeed(LiveSources.live(board, () -> 0), new LiveView(layout), 100);
        DemoProbes probes = new DemoProbes(board, InstantSource.system(), topo.supernode());
        replayPort = DashboardServer.deploy(vertx, "127.0.0.1", 0, TestViews.of(layout, board, alerts, feed,
                Optional.of(control)), probes).await(10, TimeUnit.SECONDS);
        // Servers deployed on port 0 in one Vert.x instance share one random port, so the other twin has its own.
        liveVertx = Vertx.vertx();
        livePort = DashboardServer.deploy(liveVertx, "127.0.0.1", 0, TestViews.of(layout, board, alerts,
                new LiveFeed(LiveSources.live(board, () -> 0), new LiveView(layout), 100)), probes)
                .await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        liveVertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void pausesChangesSpeedRunsToTheEndAndSeeksBackToAPausedCursor() throws Exception {
        JsonObject first = awaitState(s -> s.getValue("from") != null);
        assertThat(first.getBoolean("active")).isTrue();
        assertThat(first.getDouble("speed")).isEqualTo(0.5);

        JsonObject paused = post(replayPort, "{\"paused\": true}").bodyAsJsonObject();
        assertThat(paused.getBoolean("paused")).isTrue();

        JsonObject done = post(replayPort, "{\"paused\": false, \"speed\": \"max\"}").bodyAsJsonObject();
        assertThat(done.getString("speed")).isEqualTo("max");
        done = awaitState(s -> s.getBoolean("done"));
        long from = done.getLong("from");
        long to = done.getLong("to");
        assertThat(to - from).isGreaterThan(50_000);

        long cursor = from + 20_000;
        JsonObject seek = post(replayPort, "{\"seek\": " + cursor + ", \"paused\": true}").bodyAsJsonObject();
        assertThat(seek.getBoolean("paused")).isTrue();
        JsonObject atCursor = awaitState(s -> !s.getBoolean("done") && s.getLong("at") != null
                && s.getLong("at") >= cursor && control.holding());
        assertThat(atCursor.getLong("at")).isLessThan(to);
        assertThat(atCursor.getBoolean("paused")).isTrue();
    }

    @Test
    void rejectsBadBodiesWithTheReasonAndChangesNothing() throws Exception {
        awaitState(s -> s.getValue("from") != null);
        JsonObject before = get(replayPort).bodyAsJsonObject();

        assertBadRequest("{\"speed\": 0}", "speed must be a number above 0");
        assertBadRequest("{\"speed\": 20000}", "at most 10000");
        assertBadRequest("{\"paused\": \"yes\"}", "paused must be true or false");
        assertBadRequest("{\"seek\": 1, \"speed\": 5}", "seek must be within");
        assertBadRequest("{\"rewind\": true}", "unknown field 'rewind'");
        assertBadRequest("not json", "not a JSON object");
        assertBadRequest("", "expected any of");

        JsonObject after = get(replayPort).bodyAsJsonObject();
        assertThat(after.getValue("speed")).isEqualTo(before.getValue("speed"));
        assertThat(after.getBoolean("paused")).isEqualTo(before.getBoolean("paused"));
    }

    @Test
    void aTwinThatIsNotReplayingSaysSo() throws Exception {
        assertThat(get(livePort).bodyAsJsonObject()).isEqualTo(new JsonObject().put("active", false));

        HttpResponse<Buffer> r = post(livePort, "{\"paused\": true}");

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("replay.inactive");
    }

    private static void assertBadRequest(String body, String reason) throws Exception {
        HttpResponse<Buffer> r = post(replayPort, body);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("replay.bad-request");
        assertThat(r.bodyAsJsonObject().getString("message")).contains(reason);
    }

    private static JsonObject awaitState(Predicate<JsonObject> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonObject s = get(replayPort).bodyAsJsonObject();
        while (!wanted.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            s = get(replayPort).bodyAsJsonObject();
        }
        assertThat(wanted.test(s)).as("replay state %s", s).isTrue();
        return s;
    }

    private static HttpResponse<Buffer> get(int port) throws Exception {
        return client.get(port, "127.0.0.1", "/api/replay").send().await(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<Buffer> post(int port, String body) throws Exception {
        return client.post(port, "127.0.0.1", "/api/replay").sendBuffer(Buffer.buffer(body))
                .await(10, TimeUnit.SECONDS);
    }
}
