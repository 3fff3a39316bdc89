package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.api.history.InfluxHistorySource;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import dev.supernodetwin.ingest.history.HistorySettings;
import dev.supernodetwin.ingest.history.InfluxHistorySink;
import dev.supernodetwin.ingest.testing.TestServices;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.InstantSource;
import java.util.DoubleSummaryStatistics;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code GET /api/history} reading what the twin's history sink wrote to a real InfluxDB. */
@ExtendWith(VertxExtension.class)
class InfluxHistoryApiIT {
    /** An hour ago on a window boundary, well inside the retention policy. */
    private static final long T0 = Math.floorDiv(System.currentTimeMillis() - 3_600_000L, 10_000L) * 10_000L;
    private static final int TICKS = 95;

    private final String database = "it_history_api_" + UUID.randomUUID().toString().replace('-', '_');
    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);
    private final int gpu0 = topo.indexOf("tn/gpu0").orElseThrow();
    private final int temp = layout.sensor(gpu0, Metric.TEMP_C);
    /** Every raw gpu0 temperature by 10 s window, to know what each bucket must say. */
    private final TreeMap<Long, DoubleSummaryStatistics> windows = new TreeMap<>();
    private InfluxHistorySource source;
    private WebClient client;
    private int port;

    @BeforeEach
    void writeHistoryAndServe(Vertx vertx) throws Exception {
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        InfluxHistorySink sink = InfluxHistorySink.start(layout,
                HistorySettings.defaults().withUrl(TestServices.influxUrl()).withDatabase(database));
        twin.addListener(sink);
        twin.addListener(this::recordTemperature);
        Simulator sim = new Simulator(layout, SimulationSettings.everySecond(42, T0), Scenario.healthy());
        for (int t = 0; t < TICKS; t++) {
            sim.tick(twin::apply);
        }
        twin.idle();
        sink.close(Duration.ofSeconds(30));
        assertThat(sink.stats().pointsWritten()).isEqualTo(sink.stats().pointsQueued()).isPositive();

        source = new InfluxHistorySource(TestServices.influxUrl(), database);
        port = serve(vertx, source);
        client = WebClient.create(vertx);
    }

    private void recordTemperature(FrameBuffer frame) {
        for (int i = 0; i < frame.size(); i++) {
            if (frame.sensor(i) == temp) {
                windows.computeIfAbsent(Math.floorDiv(frame.timestamp(), 10_000L) * 10_000L,
                        w -> new DoubleSummaryStatistics()).accept(frame.value(i));
            }
        }
    }

    private int serve(Vertx vertx, InfluxHistorySource history) throws Exception {
        SnapshotBoard board = new SnapshotBoard();
        ApiSources api = new ApiSources(layout, board, new AlertBoard(), RuleSet.defaults(), history, Optional.empty(),
                InstantSource.system());
        DashboardServer server = new DashboardServer("127.0.0.1", 0, new DashboardServer.Views(
                TopologyView.of(topo, RuleSet.defaults()), new LiveFeed(board, new LiveView(layout), 1_000), api),
                new DemoProbes(board, InstantSource.system(), "tn"));
        vertx.deployVerticle(server).await(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    @AfterEach
    void dropDatabase() {
        source.close();
        try (var influx = InfluxDBFactory.connect(TestServices.influxUrl())) {
            influx.query(new Query("DROP DATABASE \"" + database + "\""));
        }
    }

    private JsonObject history(String query, int expectedStatus) throws Exception {
        HttpResponse<Buffer> r = client.get(port, "127.0.0.1", "/api/history?" + query).send()
                .await(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(expectedStatus);
        return r.bodyAsJsonObject();
    }

    @Test
    void bucketsOfOneWindowEachCarryThatWindowsMinMeanAndMax() throws Exception {
        JsonObject body = history("device=tn%2Fgpu0&metric=temp_c&from=" + T0 + "&to=" + (T0 + 99_999) + "&points=10",
                200);

        assertThat(body.getString("source")).isEqualTo("influx");
        JsonArray points = body.getJsonArray("points");
        assertThat(points).hasSize(windows.size()).hasSize(10);
        int i = 0;
        for (var w : windows.entrySet()) {
            JsonArray p = points.getJsonArray(i++);
            assertThat(p.getLong(0)).isEqualTo(w.getKey());
            assertThat(p.getDouble(1)).isEqualTo(w.getValue().getMin());
            assertThat(p.getDouble(2)).isCloseTo(w.getValue().getAverage(), within(1e-9));
            assertThat(p.getDouble(3)).isEqualTo(w.getValue().getMax());
        }
    }

    @Test
    void widerBucketsNeverOutnumberThePointsAskedFor() throws Exception {
        JsonArray points = history("device=tn%2Fgpu0&metric=temp_c&from=" + (T0 + 1) + "&to=" + (T0 + 99_999)
                + "&points=3", 200).getJsonArray("points");

        assertThat(points).hasSizeBetween(1, 3);
        assertThat(points.getJsonArray(0).getLong(0)).isGreaterThanOrEqualTo(T0 + 1);
    }

    @Test
    void laneGaugesAndStateChangesComeFromTheirOwnSeries() throws Exception {
        String range = "&from=" + T0 + "&to=" + (T0 + 99_999) + "&points=10";
        JsonArray rx = history("device=tn%2Fgpu0%2Foe0&lane=3&metric=rx_dbm" + range, 200).getJsonArray("points");
        JsonArray linkUp = history("device=tn%2Fgpu0%2Foe0&lane=3&metric=link_up" + range, 200)
                .getJsonArray("points");

        assertThat(rx).hasSize(10);
        assertThat(linkUp).isNotEmpty();
        assertThat(linkUp.getJsonArray(0).getDouble(2)).isEqualTo(1.0);
    }

    @Test
    void aDatabaseInfluxDbDoesNotKnowIsUnavailableWithTheReason(Vertx vertx) throws Exception {
        try (InfluxHistorySource missing = new InfluxHistorySource(TestServices.influxUrl(), "no_such_db_" + T0)) {
            port = serve(vertx, missing);
            JsonObject error = history("device=tn%2Fgpu0&metric=temp_c", 503);

            assertThat(error.getString("error")).isEqualTo("history.unavailable");
            assertThat(error.getString("message")).contains("database not found");
        }
    }
}
