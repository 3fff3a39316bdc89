package dev.supernodetwin.app;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.dashboard.api.ApiSources;
import dev.supernodetwin.dashboard.api.history.MemoryHistorySource;
import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.http.ReplayRoutes;
import dev.supernodetwin.dashboard.http.ServiceProbes;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import dev.supernodetwin.ingest.replay.ReplayControl;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The composition root of {@code twin replay --serve}: a {@link ServedReplay} behind the dashboard. */
final class ReplayServer {
    private final Topology topo;
    private final ServedReplay.Setup setup;
    private final ReplayControl control;

    ReplayServer(Topology topo, ServedReplay.Setup setup, ReplayControl control) {
        this.topo = topo;
        this.setup = setup;
        this.control = control;
    }

    /** Serves on {@code host:port} under {@code access} and replays until Ctrl-C; returns the exit status. */
    int serve(String host, int port, String rulesDescription, AccessControl access) throws Exception {
        SnapshotBoard board = new SnapshotBoard();
        AlertBoard alerts = new AlertBoard();
        RecentHistory history = RecentHistory.withDefaults(setup.layout().sensorCount());
        ApiSources api = new ApiSources(setup.layout(), board, alerts, setup.rules(), new MemoryHistorySource(history),
                Optional.empty(), InstantSource.system());
        LiveSources sources = new LiveSources(board, () -> alerts.view().events(),
                () -> Optional.of(live(control.status())));
        LiveFeed feed = new LiveFeed(sources, new LiveView(setup.layout()), setup.publishMillis());
        DashboardServer.Views views = new DashboardServer.Views(TopologyView.of(topo, setup.rules()), feed, api,
                Optional.of(control), access);
        Vertx vertx = Vertx.vertx();
        try {
            int bound = Serving.deploy(vertx, host, port, views, probes(board));
            Thread replay = new Thread(new ServedReplay(setup, control, new ServedReplay.Boards(board, alerts, history)), "replay");
            replay.setDaemon(true);
            replay.start();
            System.out.printf("replaying into supernode %s: %,d devices; %s%n", topo.supernode(), topo.deviceCount(),
                    rulesDescription);
            Serving.untilStopped(host, bound, views);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        return 0;
    }

    /** The replay state as the live stream carries it: the API's fields without {@code active} and {@code done}. */
    private static String live(ReplayControl.Status s) {
        JsonObject o = ReplayRoutes.json(s);
        o.remove("active");
        return o.encode();
    }

    private static ServiceProbes probes(SnapshotBoard board) {
        return new ServiceProbes() {
            @Override
            public Health ready() {
                return board.latest().isPresent() ? new Health(true, "replaying") : new Health(false, "starting");
            }

            @Override
            public Health alive() {
                return new Health(true, "replaying");
            }

            @Override
            public String metrics() {
                return "";
            }
        };
    }
}
