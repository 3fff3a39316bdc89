package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.app.runtime.SimulatedSupernode;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.api.history.MemoryHistorySource;
import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.auth.LoginLimiter;
import dev.supernodetwin.core.silence.Silence;
import dev.supernodetwin.core.silence.SilenceTarget;
import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.auth.TestUsers;
import dev.supernodetwin.dashboard.auth.UsersFile;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import dev.supernodetwin.ingest.replay.EventTimePacer;
import dev.supernodetwin.ingest.replay.ReplayControl;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Access control on a real port, with a users file from a temporary folder and both server instances of
 * the edge: every state-changing endpoint refuses the unknown (401), a role too low (403), a session
 * request without its CSRF token (403), and accepts the right role by session and by bearer token.
 */
@ExtendWith(VertxExtension.class)
class ApiAccessTest {
    /** Each state-changing endpoint, the role it needs, and a body it accepts. */
    private record Endpoint(HttpMethod method, String path, Role role, String body, int ok) {
        Endpoint(String path, Role role, String body, int ok) {
            this(HttpMethod.POST, path, role, body, ok);
        }
    }

    private static final List<Endpoint> STATE_CHANGING = List.of(
            new Endpoint("/api/alerts/ack", Role.OPERATOR, "{\"id\": \"A1\", \"by\": \"someone\"}", 200),
            new Endpoint("/api/replay", Role.OPERATOR, "{\"paused\": true}", 200),
            new Endpoint("/api/demo/faults", Role.ADMIN,
                    "{\"fault\": \"F3\", \"target\": \"tn/els0#0\", \"duration\": \"10m\"}", 202),
            new Endpoint("/api/silences", Role.OPERATOR, "{\"target\": \"tn/els0#0\", \"duration\": \"1h\"}", 201),
            new Endpoint(HttpMethod.DELETE, "/api/silences?id=S1", Role.OPERATOR, null, 200));

    private final ApiFixture f = new ApiFixture();
    private SimulatedSupernode sim;
    private WebClient client;
    private int port;

    /** A browser session: its cookie and CSRF token. */
    private record Login(String cookie, String csrf) {
    }

    @BeforeEach
    void start(Vertx vertx, @TempDir Path dir) throws Exception {
        f.report("tn/gpu0", dev.supernodetwin.core.metric.Metric.TEMP_C, 1_000, 60);
        f.alerts.onAlert(ApiFixture.firing("A1", "tn/gpu0", List.of(), OptionalLong.empty()));
        Simulator simulator = new Simulator(f.layout, new SimulationSettings(1, 0, 1_000), Scenario.healthy());
        sim = new SimulatedSupernode(simulator, new Twin(f.layout, StalenessPolicy.DEFAULT), f.board, f.history,
                InstantSource.system(), 1_000, Throwable::printStackTrace);
        ApiSources api = new ApiSources(f.layout, f.board, f.alerts, RuleSet.defaults(),
                new MemoryHistorySource(f.history), Optional.of(sim::injectNow), InstantSource.system());
        long now = System.currentTimeMillis();
        api.silences().add(new Silence("S1", SilenceTarget.parse("tn/els0#0", f.topo).orElseThrow(), now,
                now + 3_600_000, "test", "expired by the access test"));
        ReplayControl replay = new ReplayControl(1, EventTimePacer.Ticker.system(), EventTimePacer.Sleeper.system());
        AccessControl access = new AccessControl(Optional.of(UsersFile.read(TestUsers.write(dir))), Optional.empty(),
                InstantSource.system());
        DashboardServer.Views views = new DashboardServer.Views(TopologyView.of(f.topo, RuleSet.defaults()),
                new LiveFeed(LiveSources.live(f.board, () -> 0), new LiveView(f.layout), 1_000), api,
                Optional.of(replay), access);
        port = DashboardServer.deploy(vertx, "127.0.0.1", 0, views, new DemoProbes(f.board, InstantSource.system(),
                "tn")).await(10, TimeUnit.SECONDS);
        // A new connection per request, so requests land on both server instances.
        client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void everyStateChangingEndpointNeedsItsRoleAndASessionItsCsrfToken() throws Exception {
        for (Endpoint e : STATE_CHANGING) {
            Role below = Role.values()[e.role().ordinal() - 1];
            String who = e.path();
            assertError(send(e.method(), e.path(), e.body(), MultiMap.caseInsensitiveMultiMap()), 401,
                    "auth.required", who);
            assertError(send(e.method(), e.path(), e.body(), bearer("bogus")), 401, "auth.required", who);
            assertError(send(e.method(), e.path(), e.body(), bearer(tokenOf(below))), 403, "auth.forbidden", who);
            Login low = login(userOf(below));
            assertError(send(e.method(), e.path(), e.body(), session(low, low.csrf())), 403, "auth.forbidden",
                    who);
            Login right = login(userOf(e.role()));
            assertError(send(e.method(), e.path(), e.body(), session(right, null)), 403, "auth.csrf", who);
            assertError(send(e.method(), e.path(), e.body(), session(right, low.csrf())), 403, "auth.csrf", who);
            HttpResponse<Buffer> bySession = send(e.method(), e.path(), e.body(), session(right, right.csrf()));
            assertThat(bySession.statusCode()).as(who + " " + bySession.bodyAsString()).isEqualTo(e.ok());
            HttpResponse<Buffer> byToken = send(e.method(), e.path(), e.body(), bearer(tokenOf(e.role())));
            assertThat(byToken.statusCode()).as(who + " " + byToken.bodyAsString()).isEqualTo(e.ok());
            HttpResponse<Buffer> byAdmin = send(e.method(), e.path(), e.body(), bearer(tokenOf(Role.ADMIN)));
            assertThat(byAdmin.statusCode()).as(who + " " + byAdmin.bodyAsString()).isEqualTo(e.ok());
        }
    }

    @Test
    void anAcknowledgementBySomeoneSignedInCarriesTheirName() throws Exception {
        Login op = login("op");
        HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/alerts/ack", "{\"id\": \"A1\", \"by\": \"somebody else\"}",
                session(op, op.csrf()));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getString("by")).isEqualTo("op");
    }

    @Test
    void readingNeedsAViewerAndSessionsHoldOnEveryServerInstance() throws Exception {
        assertError(send(HttpMethod.GET, "/api/topology", null, MultiMap.caseInsensitiveMultiMap()), 401,
                "auth.required", "no credentials");
        assertThat(send(HttpMethod.GET, "/api/topology", null, bearer(TestUsers.token("view-token"))).statusCode())
                .isEqualTo(200);
        Login view = login("view");
        for (int i = 0; i < 6; i++) {
            HttpResponse<Buffer> who = send(HttpMethod.GET, "/api/whoami", null, session(view, null));
            assertThat(who.statusCode()).as(who.bodyAsString()).isEqualTo(200);
            assertThat(who.bodyAsJsonObject()).isEqualTo(new JsonObject().put("user", "view").put("role", "viewer")
                    .put("via", "session").put("open", false).put("csrf", view.csrf()));
        }
        // Probes and scrapers need no credentials; the page's files hold no data and carry the login form.
        for (String open : List.of("/alive", "/ready", "/metrics", "/")) {
            assertThat(send(HttpMethod.GET, open, null, MultiMap.caseInsensitiveMultiMap()).statusCode()).as(open)
                    .isIn(200, 503);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndLogoutEndsTheSession() throws Exception {
        HttpResponse<Buffer> r = send(HttpMethod.POST, "/api/login", "{\"user\": \"op\", \"password\": \"op-pw\"}",
                MultiMap.caseInsensitiveMultiMap());
        assertThat(r.cookies()).singleElement().asString().containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContain("Secure");
        Login op = login("op");
        assertError(send(HttpMethod.POST, "/api/logout", "{}", session(op, null)), 403, "auth.csrf", "logout");
        assertThat(send(HttpMethod.POST, "/api/logout", "{}", session(op, op.csrf())).statusCode()).isEqualTo(200);
        assertError(send(HttpMethod.GET, "/api/whoami", null, session(op, null)), 401, "auth.required", "after logout");
    }

    @Test
    void theLiveStreamNeedsAViewer(Vertx vertx) throws Exception {
        var ws = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/live");
        assertThatThrownBy(() -> ws.connect(options).await(10, TimeUnit.SECONDS)).hasMessageContaining("401");
        Login view = login("view");
        var socket = ws.connect(new WebSocketConnectOptions(options.toJson()).addHeader("Cookie",
                "twin_session=" + view.cookie())).await(10, TimeUnit.SECONDS);
        assertThat(socket.isClosed()).isFalse();
        socket.close().await(10, TimeUnit.SECONDS);
        var tool = ws.connect(new WebSocketConnectOptions(options.toJson()).addHeader("Authorization",
                "Bearer " + TestUsers.token("view-token"))).await(10, TimeUnit.SECONDS);
        tool.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void oversizedAndMalformedBodiesAreRefusedAndTheServiceStillAnswers() throws Exception {
        MultiMap op = bearer(TestUsers.token("op-token"));
        String huge = "{\"id\": \"A1\", \"by\": \"" + "x".repeat(Responses.BODY_LIMIT_BYTES) + "\"}";
        assertError(send(HttpMethod.POST, "/api/alerts/ack", huge, op), 413, "http.too-large", "oversized");
        assertError(send(HttpMethod.POST, "/api/login", "{\"user\": \"op\", \"password\": \"" + huge + "\"}",
                MultiMap.caseInsensitiveMultiMap()), 413, "http.too-large", "oversized login");
        assertError(send(HttpMethod.POST, "/api/alerts/ack", "{\"id\": ", op), 400, "http.bad-request", "malformed");
        assertError(send(HttpMethod.POST, "/api/login", "{\"user\": ", MultiMap.caseInsensitiveMultiMap()), 400,
                "http.bad-request", "malformed login");
        assertError(send(HttpMethod.POST, "/api/demo/faults", "[1,", bearer(TestUsers.token("adm-token"))), 400,
                "http.bad-request", "malformed fault");
        assertThat(send(HttpMethod.GET, "/api/topology", null, op).statusCode()).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/api/alerts/ack", "{\"id\": \"A1\", \"by\": \"x\"}", op).statusCode())
                .isEqualTo(200);
    }

    @Test
    void failedLoginsSayNotWhichPartWasWrongAndAreLimited() throws Exception {
        HttpResponse<Buffer> unknownUser = login("nobody", "op-pw");
        HttpResponse<Buffer> wrongPassword = login("op", "wrong");
        assertError(unknownUser, 401, "auth.failed", "unknown user");
        assertError(wrongPassword, 401, "auth.failed", "wrong password");
        assertThat(unknownUser.bodyAsString()).isEqualTo(wrongPassword.bodyAsString());
        for (int i = 1; i < LoginLimiter.MAX_FAILURES; i++) {
            assertError(login("op", "wrong"), 401, "auth.failed", "failure " + i);
        }
        HttpResponse<Buffer> limited = login("op", TestUsers.password("op"));
        assertError(limited, 429, "auth.rate-limited", "after " + LoginLimiter.MAX_FAILURES + " failures");
        assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isPositive();
        // Another user from the same address may still log in: the address's own limit is higher.
        assertThat(login("view", TestUsers.password("view")).statusCode()).isEqualTo(200);
        for (int i = LoginLimiter.MAX_FAILURES + 1; i < LoginLimiter.MAX_FAILURES_PER_ADDRESS; i++) {
            login("nobody" + i, "wrong");
        }
        assertError(login("adm", TestUsers.password("adm")), 429, "auth.rate-limited", "the address's limit");
    }

    private Login login(String user) throws Exception {
        HttpResponse<Buffer> r = login(user, TestUsers.password(user));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        String cookie = r.cookies().get(0);
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        return new Login(value, r.bodyAsJsonObject().getString("csrf"));
    }

    private HttpResponse<Buffer> login(String user, String password) throws Exception {
        return send(HttpMethod.POST, "/api/login", new JsonObject().put("user", user).put("password", password)
                .encode(), MultiMap.caseInsensitiveMultiMap());
    }

    private HttpResponse<Buffer> send(HttpMethod method, String uri, String body, MultiMap headers) throws Exception {
        var request = client.request(method, port, "127.0.0.1", uri).putHeaders(headers);
        return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await(10, TimeUnit.SECONDS);
    }

    private static MultiMap bearer(String token) {
        return MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token);
    }

    private static MultiMap session(Login login, String csrf) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Cookie", "twin_session=" + login.cookie());
        return csrf == null ? h : h.add("X-CSRF-Token", csrf);
    }

    private static String userOf(Role role) {
        return switch (role) {
            case VIEWER -> "view";
            case OPERATOR -> "op";
            case ADMIN -> "adm";
        };
    }

    private static String tokenOf(Role role) {
        return TestUsers.token(userOf(role) + "-token");
    }

    private static void assertError(HttpResponse<Buffer> r, int status, String code, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("content-type")).as(what).startsWith("application/json");
        assertThat(r.bodyAsJsonObject().getString("error")).as(what).isEqualTo(code);
    }
}
