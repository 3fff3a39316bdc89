package dev.supernodetwin.dashboard.http;

import dev.supernodetwin.dashboard.api.AlertHistoryResource;
import dev.supernodetwin.dashboard.api.AlertsResource;
import dev.supernodetwin.dashboard.api.SilencesResource;
import dev.supernodetwin.dashboard.api.ApiSources;
import dev.supernodetwin.dashboard.api.DemoResource;
import dev.supernodetwin.dashboard.api.DeviceResource;
import dev.supernodetwin.dashboard.api.HistoryResource;
import dev.supernodetwin.dashboard.api.OpticsResource;
import dev.supernodetwin.dashboard.api.Responses;
import dev.supernodetwin.dashboard.api.TopologyResource;
import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.ingest.replay.ReplayControl;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP edge: the live page (static files from the classpath), the REST API of {@code docs/dashboard.md}
 * (one resource class per area, in {@code dashboard.api}), the live WebSocket at {@code /live}, and
 * {@code /metrics}, {@code /ready} and {@code /alive} for operations. It only reads published views and
 * counters; it never touches the twin's writer. Every error, including a wrong path, method or body, is a
 * JSON {@link ApiError}.
 */
public final class DashboardServer extends VerticleBase {
    /** Largest request body accepted ({@code 413 http.too-large} beyond). */
    public static final int BODY_LIMIT_BYTES = Responses.BODY_LIMIT_BYTES;
    /** Event loops serving the HTTP edge, so the live stream's clients are spread over more than one. */
    public static final int EVENT_LOOPS = 2;

    private final String host;
    private final int port;
    private final Views views;
    private final JsonObject topologyView;
    private final LiveFeed feed;
    private final ApiSources api;
    private final ServiceProbes probes;
    private HttpServer server;

    /**
     * What the server shows of the twin.
     *
     * @param topologyView the supernode's structure for the page
     * @param feed         the live update feed
     * @param api          what the REST resources read: snapshots, alerts, rules, history, the demo's simulator
     * @param replay       the replay's controls, when the twin is replaying a recording
     * @param access       who may do what, and TLS; one object shared by every server instance, so a session
     *                     started on one event loop is known on the others
     */
    public record Views(JsonObject topologyView, LiveFeed feed, ApiSources api, Optional<ReplayControl> replay,
                        AccessControl access) {
        /** Views of a twin that is not replaying, open to anyone on loopback. */
        public Views(JsonObject topologyView, LiveFeed feed, ApiSources api) {
            this(topologyView, feed, api, Optional.empty());
        }

        /** Views open to anyone on loopback. */
        public Views(JsonObject topologyView, LiveFeed feed, ApiSources api, Optional<ReplayControl> replay) {
            this(topologyView, feed, api, replay, AccessControl.open());
        }

        /** The same views under other access control. */
        public Views with(AccessControl other) {
            return new Views(topologyView, feed, api, replay, other);
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
        this.api = views.api();
        this.probes = probes;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        Routes routes = new Routes(router, views.access());
        new LoginRoutes(views.access()).mount(routes);
        new TopologyResource(topologyView).mount(routes);
        new DeviceResource(api).mount(routes);
        new OpticsResource(api).mount(routes);
        new AlertsResource(api).mount(routes);
        new AlertHistoryResource(api.alertHistory()).mount(routes);
        new SilencesResource(api.silences()).mount(routes);
        new HistoryResource(api).mount(routes);
        new DemoResource(api).mount(routes);
        routes.get("/api/live").handler(this::live);
        new ReplayRoutes(views.replay()).mount(routes);
        router.get("/alive").handler(ctx -> health(ctx, probes.alive()));
        router.get("/ready").handler(ctx -> health(ctx, probes.ready()));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(probes.metrics()));
        // The page's files, never under /api/, so that GET on a POST-only resource is a 405, not a missing file.
        // They are open to all: the same bytes for everyone, no data, and they hold the login form.
        router.getWithRegex("^/(?!api/).*").method(HttpMethod.HEAD)
                .handler(StaticHandler.create("webroot").setCachingEnabled(false));
        router.route().failureHandler(this::failure);
        errors(router);
        feed.start();
        server = vertx.createHttpServer(Edge.options(views.access()))
                .webSocketHandshakeHandler(this::handshake)
                .webSocketHandler(feed::join)
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
        ctx.response().setStatusCode(health.ok() ? 200 : 503)
                .putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("status", health.ok() ? "ok" : "unavailable")
                        .put("detail", health.detail()).encode());
    }

    private void live(RoutingContext ctx) {
        feed.latest().ifPresentOrElse(
                update -> ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(update),
                () -> ApiError.send(ctx, 503, "twin.no-data-yet", "the twin has not published a snapshot yet"));
    }

    /** The live stream needs a viewer, recognised from the handshake's session cookie or bearer token. */
    private void handshake(ServerWebSocketHandshake hs) {
        if (!"/live".equals(hs.path())) {
            hs.reject(404);
            return;
        }
        AccessControl.Decision d = views.access().decideLive(Routes.request(false, hs.headers(),
                Edge.cookie(hs.headers(), Routes.SESSION_COOKIE)));
        if (d instanceof AccessControl.Denied denied) {
            hs.reject(denied.status());
        } else {
            hs.accept();
        }
    }

    /** No route for the path, or none for the method: the router's own answers, as JSON. */
    private static void errors(Router router) {
        router.errorHandler(404, ctx -> ApiError.send(ctx, 404, "http.not-found",
                "nothing at " + ctx.request().path()));
        router.errorHandler(405, ctx -> ApiError.send(ctx, 405, "http.method-not-allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String message = ctx.failure() != null && ctx.failure().getMessage() != null ? ctx.failure().getMessage()
                : "request failed";
        String code = switch (status) {
            case 400 -> "http.bad-request";
            case 404 -> "http.not-found";
            case 405 -> "http.method-not-allowed";
            case 413 -> "http.too-large";
            default -> "http.error";
        };
        if (status == 413) {
            message = "the request body is larger than " + BODY_LIMIT_BYTES + " bytes";
        }
        ApiError.send(ctx, status, code, message);
    }

    @Override
    public Future<?> stop() {
        feed.close();
        return server == null ? Future.succeededFuture() : server.close();
    }
}
