package dev.supernodetwin.dashboard.http;

import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.auth.Principal;
import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.auth.Sessions;
import dev.supernodetwin.dashboard.auth.Users;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code POST /api/login}, {@code POST /api/logout} and {@code GET /api/whoami}: browser sessions. A failed
 * login says only that the name or password is wrong, never which; repeated failures for one name or one
 * address are refused for a while ({@code 429 auth.rate-limited}).
 */
final class LoginRoutes {
    private static final int MAX_FIELD = 1_024;

    private final AccessControl access;

    /** What a login body names. */
    private record Credentials(String user, String password) {
    }

    LoginRoutes(AccessControl access) {
        this.access = access;
    }

    void mount(Routes routes) {
        routes.postWithoutLogin("/api/login").handler(this::login);
        routes.post("/api/logout", Role.VIEWER).handler(this::logout);
        routes.get("/api/whoami").handler(this::whoami);
    }

    private void login(RoutingContext ctx) {
        if (access.users().isEmpty()) {
            ApiError.send(ctx, 409, "auth.not-configured", "no users are configured; everyone on 127.0.0.1 may"
                    + " use the twin without logging in");
            return;
        }
        Optional<Credentials> credentials = credentials(ctx);
        if (credentials.isEmpty()) {
            return;
        }
        String user = credentials.get().user();
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        long wait = access.limiter().retryAfterMs(user, address);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString((wait + 999) / 1_000));
            ApiError.send(ctx, 429, "auth.rate-limited", "too many failed logins; try again in "
                    + (wait + 999) / 1_000 + " s");
            return;
        }
        Users users = access.users().get();
        // bcrypt is slow on purpose: never on the event loop.
        Callable<Optional<Principal>> check = () -> users.login(user, credentials.get().password());
        ctx.vertx().executeBlocking(check, false).onComplete(done -> {
            if (done.succeeded() && done.result().isPresent()) {
                access.limiter().succeeded(user);
                started(ctx, access.sessions().start(done.result().get()));
            } else {
                access.limiter().failed(user, address);
                ApiError.send(ctx, 401, "auth.failed", "the user name or the password is wrong");
            }
        });
    }

    /** The user name and password of the body, or a {@code 400} sent and empty. */
    private static Optional<Credentials> credentials(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        Object user = body == null ? null : body.getValue("user");
        Object password = body == null ? null : body.getValue("password");
        if (!(user instanceof String u) || !(password instanceof String p) || u.isBlank()
                || u.length() > MAX_FIELD || p.length() > MAX_FIELD) {
            ApiError.send(ctx, 400, "http.bad-request", "expected {\"user\": \"NAME\", \"password\": \"...\"}"
                    + " with each at most " + MAX_FIELD + " characters");
            return Optional.empty();
        }
        return Optional.of(new Credentials(u, p));
    }

    private void started(RoutingContext ctx, Sessions.Session s) {
        // A session cookie (no Max-Age): the browser forgets it when closed, the twin after the idle timeout.
        Optional.ofNullable(ctx.request().getCookie(Routes.SESSION_COOKIE))
                .ifPresent(old -> access.sessions().end(old.getValue()));
        ctx.response().addCookie(cookie(s.id()));
        ctx.json(who(s.principal()).put("csrf", s.csrf()));
    }

    private void logout(RoutingContext ctx) {
        Routes.session(ctx).ifPresent(s -> access.sessions().end(s.id()));
        ctx.response().addCookie(cookie("").setMaxAge(0));
        ctx.json(new JsonObject().put("loggedOut", true));
    }

    private void whoami(RoutingContext ctx) {
        Principal p = Routes.principal(ctx).orElseThrow();
        JsonObject o = who(p);
        Routes.session(ctx).ifPresent(s -> o.put("csrf", s.csrf()));
        ctx.json(o);
    }

    private static JsonObject who(Principal p) {
        return new JsonObject().put("user", p.name()).put("role", p.role().label())
                .put("via", p.via().name().toLowerCase(Locale.ROOT))
                .put("open", p.via() == Principal.Via.OPEN);
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(Routes.SESSION_COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(access.tls().isPresent());
    }
}
