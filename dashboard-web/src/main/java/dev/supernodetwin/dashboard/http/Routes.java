package dev.supernodetwin.dashboard.http;

import dev.supernodetwin.dashboard.api.Responses;
import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.auth.Principal;
import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.auth.Sessions;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.Set;

/**
 * How resources add routes: each route says the role it needs, and this class puts the access check in
 * front of its handlers (after the body limit, where Vert.x wants body handlers: a body is at most
 * {@link Responses#BODY_LIMIT_BYTES} for anyone). A resource never sees the {@link Router} itself, so it cannot add a route that skips
 * the check. GET routes need {@link Role#VIEWER} unless they say otherwise.
 */
public final class Routes {
    /** The browser session cookie. */
    public static final String SESSION_COOKIE = "twin_session";
    /** The header carrying a session's CSRF token on unsafe requests. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "twin.principal";
    private static final String SESSION = "twin.session";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Router router;
    private final AccessControl access;

    /** Routes on {@code router}, checked by {@code access}. */
    public Routes(Router router, AccessControl access) {
        this.router = router;
        this.access = access;
    }

    /** A GET route any viewer may use. */
    public Route get(String path) {
        return get(path, Role.VIEWER);
    }

    /** A GET route needing {@code role}. */
    public Route get(String path, Role role) {
        return router.get(path).handler(guard(role));
    }

    /** A POST route needing {@code role}, with its body (at most {@link Responses#BODY_LIMIT_BYTES}) read. */
    public Route post(String path, Role role) {
        return router.post(path).handler(Responses.body()).handler(guard(role));
    }

    /** A DELETE route needing {@code role}, with any body read. */
    public Route delete(String path, Role role) {
        return router.delete(path).handler(Responses.body()).handler(guard(role));
    }

    /** A POST route anyone may use (only logging in is): its body read, no access check. */
    Route postWithoutLogin(String path) {
        return router.post(path).handler(Responses.body());
    }

    /** Who the request comes from; present on every route added here, once its check has passed. */
    public static Optional<Principal> principal(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(PRINCIPAL));
    }

    /** The session the request came with, when it used one. */
    static Optional<Sessions.Session> session(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(SESSION));
    }

    private Handler<RoutingContext> guard(Role role) {
        return ctx -> {
            AccessControl.Decision d = access.decide(request(ctx.request()), role);
            if (d instanceof AccessControl.Allowed a) {
                ctx.put(PRINCIPAL, a.principal());
                a.session().ifPresent(s -> ctx.put(SESSION, s));
                ctx.next();
            } else if (d instanceof AccessControl.Denied denied) {
                ApiError.send(ctx, denied.status(), denied.code(), denied.message());
            }
        };
    }

    /** What the access check reads of an HTTP request. */
    static AccessControl.Request request(HttpServerRequest r) {
        Cookie cookie = r.getCookie(SESSION_COOKIE);
        return request(!SAFE.contains(r.method()), r.headers(), Optional.ofNullable(cookie).map(Cookie::getValue));
    }

    /** What the access check reads of a request's headers. */
    static AccessControl.Request request(boolean unsafe, MultiMap headers, Optional<String> sessionId) {
        return new AccessControl.Request(unsafe, header(headers, "Authorization"), sessionId,
                header(headers, CSRF_HEADER), header(headers, "Host"), header(headers, "Origin"));
    }

    private static Optional<String> header(MultiMap headers, String name) {
        String v = headers.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
