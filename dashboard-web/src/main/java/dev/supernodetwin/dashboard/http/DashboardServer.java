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
import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.ingest.replay.ReplayControl;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** API paths about the instance rather than a supernode: never dispatched by {@code sn}. */
    private static final Set<String> INSTANCE_PATHS = Set.of("/api/login", "/api/logout", "/api/whoami", "/api/fleet");

    private final String host;
    private final int port;
    private final ServedSupernodes served;
    private final ServiceProbes probes;
    /** Each served supernode's routes, built on first use; touched on this server's event loop only. */
    private final Map<String, Scoped> scoped = new HashMap<>();
    private Router global;
    private HttpServer server;

    /** The routes of one supernode, for the views they were built from. */
    private record Scoped(Views views, Router router) {
    }

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
        this(host, port, ServedSupernodes.single(views, views.api().clock()::millis), probes);
    }

    /**
     * @param host   address to bind, normally 127.0.0.1
     * @param port   port to bind; 0 picks a free one
     * @param served the supernodes served, each with its views
     * @param probes readiness, liveness and metrics
     */
    public DashboardServer(String host, int port, ServedSupernodes served, ServiceProbes probes) {
        this.host = host;
        this.port = port;
        this.served = served;
        this.probes = probes;
    }

    @Override
    public Future<?> start() {
        global = Router.router(vertx);
        Routes routes = new Routes(global, served.access());
        new LoginRoutes(served.access()).mount(routes);
        // Summarising a large supernode reads every sensor's freshness: off the event loop.
        routes.get("/api/fleet").handler(Responses.blocking(ctx -> ctx, ctx -> served.fleet()));
        global.get("/alive").handler(ctx -> health(ctx, probes.alive()));
        global.get("/ready").handler(ctx -> health(ctx, probes.ready()));
        global.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(probes.metrics()));
        // The page's files, never under /api/, so that GET on a POST-only resource is a 405, not a missing file.
        // They are open to all: the same bytes for everyone, no data, and they hold the login form.
        global.getWithRegex("^/(?!api/).*").method(HttpMethod.HEAD)
                .handler(StaticHandler.create("webroot").setCachingEnabled(false));
        global.route().failureHandler(this::failure);
        errors(global);
        served.defaultSupernode().flatMap(served::views).ifPresent(v -> v.feed().start());
        server = vertx.createHttpServer(Edge.options(served.access()))
                .webSocketHandshakeHandler(this::handshake)
                .webSocketHandler(this::join)
                .requestHandler(this::dispatch);
        return server.listen(port, host);
    }

    /**
     * Requests about a supernode go to its routes, chosen by {@code ?sn=} (else the default); the rest
     * (sign-in, the fleet, probes, the page's files) to the instance's own.
     */
    private void dispatch(HttpServerRequest req) {
        String path = req.path();
        if (!path.startsWith("/api/") || INSTANCE_PATHS.contains(path)) {
            global.handle(req);
            return;
        }
        Optional<String> supernode = Optional.ofNullable(req.getParam("sn")).filter(sn -> !sn.isBlank())
                .or(served::defaultSupernode);
        Optional<Views> views = supernode.flatMap(served::views);
        if (views.isPresent()) {
            routes(supernode.get(), views.get()).handle(req);
            return;
        }
        // Whether a supernode exists is itself information: only a viewer learns where it went.
        AccessControl.Decision d = served.access().decide(Routes.request(req), Role.VIEWER);
        if (d instanceof AccessControl.Denied denied) {
            ApiError.send(req.response(), denied.status(), denied.code(), denied.message());
        } else if (supernode.isEmpty()) {
            ApiError.send(req.response(), 503, "twin.no-supernode", "this instance models no supernode yet: no"
                    + " records have arrived on the Kafka partitions it owns; see /api/fleet for the others");
        } else {
            scoped.remove(supernode.get());
            notHere(req, supernode.get());
        }
    }

    private void notHere(HttpServerRequest req, String supernode) {
        Optional<String> owner = served.elsewhere(supernode);
        JsonObject body = new JsonObject().put("error", "supernode.not-here").put("message", "supernode '"
                + supernode + "' is not modelled by this instance" + owner.map(o -> "; it is served at " + o)
                .orElse("; see /api/fleet for where each supernode is served"));
        owner.ifPresent(o -> body.put("owner", o));
        req.response().setStatusCode(404).putHeader("content-type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    /** The routes of one supernode: the REST resources of docs/dashboard.md over its views. */
    private Router routes(String supernode, Views views) {
        Scoped s = scoped.get(supernode);
        if (s != null && s.views() == views) {
            return s.router();
        }
        Router router = Router.router(vertx);
        Routes routes = new Routes(router, views.access());
        ApiSources api = views.api();
        new TopologyResource(views.topologyView()).mount(routes);
        new DeviceResource(api).mount(routes);
        new OpticsResource(api).mount(routes);
        new AlertsResource(api).mount(routes);
        new AlertHistoryResource(api.alertHistory()).mount(routes);
        new SilencesResource(api.silences()).mount(routes);
        new HistoryResource(api).mount(routes);
        new DemoResource(api).mount(routes);
        routes.get("/api/live").handler(ctx -> live(ctx, views.feed()));
        new ReplayRoutes(views.replay()).mount(routes);
        router.route().failureHandler(this::failure);
        errors(router);
        views.feed().start();
        scoped.put(supernode, new Scoped(views, router));
        return router;
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
        return deploy(vertx, host, port, ServedSupernodes.single(views, views.api().clock()::millis), probes);
    }

    /** As {@link #deploy(Vertx, String, int, Views, ServiceProbes)}, for the supernodes {@code served} holds. */
    public static Future<Integer> deploy(Vertx vertx, String host, int port, ServedSupernodes served,
                                         ServiceProbes probes) {
        int shared = port == 0 ? -1 : port;
        List<DashboardServer> servers = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
            DashboardServer server = new DashboardServer(host, shared, served, probes);
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

    private static void live(RoutingContext ctx, LiveFeed feed) {
        feed.latest().ifPresentOrElse(
                update -> ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(update),
                () -> ApiError.send(ctx, 503, "twin.no-data-yet", "the twin has not published a snapshot yet"));
    }

    /**
     * The live stream ({@code /live?sn=ID}) needs a viewer, recognised from the handshake's session cookie or
     * bearer token, and a supernode modelled here.
     */
    private void handshake(ServerWebSocketHandshake hs) {
        if (!"/live".equals(hs.path())) {
            hs.reject(404);
            return;
        }
        AccessControl.Decision d = served.access().decideLive(Routes.request(false, hs.headers(),
                Edge.cookie(hs.headers(), Routes.SESSION_COOKIE)));
        if (d instanceof AccessControl.Denied denied) {
            hs.reject(denied.status());
        } else if (liveViews(hs.query()).isEmpty()) {
            hs.reject(404);
        } else {
            hs.accept();
        }
    }

    private void join(ServerWebSocket ws) {
        Optional<Views> views = liveViews(ws.query());
        if (views.isEmpty()) {
            // Moved away between the handshake and now: the page reconnects and is told where it went.
            ws.close((short) 1001, "supernode moved");
            return;
        }
        views.get().feed().start();
        views.get().feed().join(ws);
    }

    private Optional<Views> liveViews(String query) {
        return Optional.ofNullable(queryParam(query, "sn")).filter(sn -> !sn.isBlank())
                .or(served::defaultSupernode).flatMap(served::views);
    }

    /** One parameter of a query string, decoded; null when absent. */
    private static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        List<String> values = new QueryStringDecoder(query, false).parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
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
        scoped.values().forEach(s -> s.views().feed().close());
        return server == null ? Future.succeededFuture() : server.close();
    }
}
