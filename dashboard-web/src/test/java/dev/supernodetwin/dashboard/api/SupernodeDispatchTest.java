package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.dashboard.TestViews;
import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.http.ServedSupernodes;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One server showing several supernodes, as an instance of {@code twin run} that owns several: requests go
 * to the supernode their {@code sn} names (else the default), one that moved away answers where it went,
 * and a supernode that arrives or leaves while the server runs is served or not from then on.
 */
@ExtendWith(VertxExtension.class)
class SupernodeDispatchTest {
    private final Map<String, DashboardServer.Views> here = new ConcurrentHashMap<>();
    private WebClient client;
    private int port;

    private static DashboardServer.Views views(String supernode) {
        SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("cpo-72", supernode)));
        SnapshotBoard board = new SnapshotBoard();
        AlertBoard alerts = new AlertBoard();
        return TestViews.of(layout, board, alerts, new LiveFeed(LiveSources.live(board, () -> 0), new LiveView(layout),
                1_000));
    }

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        here.put("sn01", views("sn01"));
        here.put("sn02", views("sn02"));
        ServedSupernodes served = new ServedSupernodes() {
            @Override
            public Optional<DashboardServer.Views> views(String supernode) {
                return Optional.ofNullable(here.get(supernode));
            }

            @Override
            public Optional<String> defaultSupernode() {
                return new TreeMap<>(here).keySet().stream().findFirst();
            }

            @Override
            public Optional<String> elsewhere(String supernode) {
                return supernode.equals("sn03") ? Optional.of("http://twin-b.example:8080/?sn=sn03") : Optional.empty();
            }

            @Override
            public JsonObject fleet() {
                return new JsonObject().put("instance", "twin-a").put("supernodes", new JsonArray());
            }

            @Override
            public AccessControl access() {
                return AccessControl.open();
            }
        };
        port = DashboardServer.deploy(vertx, "127.0.0.1", 0, served,
                new DemoProbes(new SnapshotBoard(), InstantSource.system(), "fleet")).await(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
    }

    private HttpResponse<Buffer> get(String uri) throws Exception {
        return client.get(port, "127.0.0.1", uri).send().await(10, TimeUnit.SECONDS);
    }

    @Test
    void eachRequestReachesTheSupernodeItNames() throws Exception {
        assertThat(get("/api/topology?sn=sn02").bodyAsJsonObject().getString("supernode")).isEqualTo("sn02");
        assertThat(get("/api/topology?sn=sn01").bodyAsJsonObject().getString("supernode")).isEqualTo("sn01");
        assertThat(get("/api/topology").bodyAsJsonObject().getString("supernode")).as("the default").isEqualTo("sn01");
        HttpResponse<Buffer> device = get("/api/device?sn=sn02&id=sn02/t01/gpu0");
        assertThat(device.statusCode()).as(device.bodyAsString()).isIn(200, 503);
        assertThat(get("/api/device?sn=sn02&id=sn01/t01/gpu0").statusCode()).as("another supernode's device")
                .isEqualTo(404);
        assertThat(get("/api/fleet?sn=sn02").bodyAsJsonObject().getString("instance")).isEqualTo("twin-a");
        assertThat(get("/api/nothing?sn=sn02").bodyAsJsonObject().getString("error")).isEqualTo("http.not-found");
    }

    @Test
    void aSupernodeNotHereSaysWhereItIsServed() throws Exception {
        HttpResponse<Buffer> moved = get("/api/alerts?sn=sn03");
        assertThat(moved.statusCode()).isEqualTo(404);
        assertThat(moved.bodyAsJsonObject().getString("error")).isEqualTo("supernode.not-here");
        assertThat(moved.bodyAsJsonObject().getString("owner")).isEqualTo("http://twin-b.example:8080/?sn=sn03");
        HttpResponse<Buffer> unknown = get("/api/alerts?sn=sn99");
        assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("supernode.not-here");
        assertThat(unknown.bodyAsJsonObject().containsKey("owner")).isFalse();
    }

    @Test
    void supernodesArriveAndLeaveWhileServing() throws Exception {
        assertThat(get("/api/topology?sn=sn02").statusCode()).isEqualTo(200);
        here.remove("sn02");
        assertThat(get("/api/topology?sn=sn02").bodyAsJsonObject().getString("error")).isEqualTo("supernode.not-here");
        here.put("sn02", views("sn02"));
        assertThat(get("/api/topology?sn=sn02").bodyAsJsonObject().getString("supernode")).isEqualTo("sn02");
        here.clear();
        HttpResponse<Buffer> none = get("/api/topology");
        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(none.bodyAsJsonObject().getString("error")).isEqualTo("twin.no-supernode");
        assertThat(get("/alive").statusCode()).as("the instance itself still answers").isEqualTo(200);
    }
}
