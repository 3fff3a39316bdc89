package dev.supernodetwin.dashboard.http;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.ingest.replay.ReplayControl;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP edge: the live page (static files from the classpath), a small REST API, the live
 * WebSocket at {@code /live}, and {@code /metrics}, {@code /ready} and {@code /alive} for operations.
 * It only reads published views and counters; it never touches the twin's writer.
 */
public final class DashboardServer extends VerticleBase {
    /** Event loops serving the HTTP edge, so the live stream's clients are spread over more than one. */
    public static final int EVENT_LOOPS = 2;

    private final String host;
    private final int port;
    private final Views views;
    private final JsonObject topologyView;
    private final LiveFeed feed;
    private final AlertBoard alerts;
    private final ServiceProbes probes;
    private HttpServer server;

    /**
     * What the server shows of the twin.
     *
     * @param topologyView the supernode's structure for the page
     * @param feed         the live update feed
     * @param alerts       the alerts firing and the latest alert events
     * @param replay       the replay's controls, when the twin is replaying a recording
     */
    public record Views(JsonObject topologyView, LiveFeed feed, AlertBoard alerts, Optional<ReplayControl> replay) {
        /** Views of a twin that is not replaying. */
        public Views(JsonObject topologyView, LiveFeed feed, AlertBoard alerts) {
            this(topologyView, feed, alerts, Optional.empty());
        }
    }

    /**
     * @param host   address to bind, normally 127.0.0.1
     * @param port   port to bind; 0 picks a free one
     * @param views  what is served of the twin
     * @param probes readiness, liveness and metrics
     */
    public DashboardServer(String host, int port, Views views, ServiceProbes probes) {
        this.host = host;
        this.port = port;
        this.views = views;
        this.topologyView = views.topologyView();
        this.feed = views.feed();
        this.alerts = views.alerts();
        this.probes = probes;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/api/topology").handler(this::topology);
        router.get("/api/live").handler(this::live);
        router.get("/api/alerts").handler(this::alerts);
        new ReplayRoutes(views.replay()).mount(router);
        router.get("/alive").handler(ctx -> health(ctx, probes.alive()));
        router.get("/ready").handler(ctx -> health(ctx, probes.ready()));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(probes.metrics()));
        router.route("/api/*").handler(ctx -> ApiError.send(ctx, 404, "http.not-found",
                "no API resource at " + ctx.request().path()));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        router.route().failureHandler(this::failure);
        feed.start();
        server = vertx.createHttpServer()
                .webSocketHandler(this::webSocket)
                .requestHandler(router);
        return server.listen(port, host);
    }

    /**
     * Deploys {@link #EVENT_LOOPS} servers sharing one port, each on its own event loop: Vert.x spreads
     * the connections of servers sharing a port over them, and the live stream writes each client from
     * its own event loop. Port 0 becomes a shared random port (a negative port, in Vert.x terms), so a
     * second deployment on port 0 in the same Vert.x instance would share it too.
     *
     * @return the port bound
     */
    public static Future<Integer> deploy(Vertx vertx, String host, int port, Views views, ServiceProbes probes) {
        int shared = port == 0 ? -1 : port;
        List<DashboardServer> servers = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
            DashboardServer server = new DashboardServer(host, shared, views, probes);
            servers.add(server);
            return server;
        }, new DeploymentOptions().setInstances(EVENT_LOOPS)).map(id -> servers.get(0).actualPort());
    }

    /** The port actually bound (useful when started on port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    private static void health(RoutingContext ctx, ServiceProbes.Health health) {
        ctx.response().setStatusCode(health.ok() ? 200 : 503).putHeader("content-type", "application/json")
                .end(new JsonObject().put("status", health.ok() ? "ok" : "unavailable")
                        .put("detail", health.detail()).encode());
    }

    private void topology(RoutingContext ctx) {
        ctx.json(topologyView);
    }

    private void live(RoutingContext ctx) {
        feed.latest().ifPresentOrElse(
                update -> ctx.response().putHeader("content-type", "application/json").end(update),
                () -> ApiError.send(ctx, 503, "twin.no-data-yet", "the twin has not published a snapshot yet"));
    }

    private void alerts(RoutingContext ctx) {
        ctx.response().putHeader("content-type", "application/json")
                .end(Buffer.buffer(AlertsResponse.render(alerts.view())));
    }

    private void webSocket(ServerWebSocket ws) {
        if (!"/live".equals(ws.path())) {
            ws.close((short) 1008, "unknown WebSocket path " + ws.path());
            return;
        }
        feed.join(ws);
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String message = ctx.failure() != null ? ctx.failure().getMessage() : "request failed";
        ApiError.send(ctx, status, status == 404 ? "http.not-found" : "http.error", message);
    }

    @Override
    public Future<?> stop() {
        feed.close();
        return server == null ? Future.succeededFuture() : server.close();
    }
}
