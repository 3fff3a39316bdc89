package dev.supernodetwin.dashboard.auth;

import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what on the dashboard (docs/alerting.md, "Access control"). One object is shared by every
 * server instance of the edge, so sessions and login limits are the same on every event loop.
 *
 * <p>With users, a request is recognised by its bearer token, else its session cookie; an unsafe request
 * (POST, DELETE...) from a session also needs the session's CSRF token. Without users anyone may do
 * anything, but only through a loopback address (the twin refuses to bind another without users), and an
 * unsafe request from another site's page (its {@code Origin}) is refused, as is a loopback server reached
 * under another host name (DNS rebinding).
 */
public final class AccessControl {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final Optional<Users> users;
    private final Optional<TlsFiles> tls;
    private final Sessions sessions;
    private final LoginLimiter limiter;

    /** What a request shows of itself, read from its headers; each part empty when absent. */
    public record Request(boolean unsafe, Optional<String> authorization, Optional<String> sessionId,
                          Optional<String> csrf, Optional<String> host, Optional<String> origin) {
    }

    /** The outcome for one request: allowed (as someone), or refused with a status and a stable code. */
    public sealed interface Decision {
    }

    /** Allowed, as {@code principal}; {@code session} is there when a session cookie was used. */
    public record Allowed(Principal principal, Optional<Sessions.Session> session) implements Decision {
    }

    /** Refused: {@code 401 auth.required}, {@code 403 auth.forbidden} or {@code 403 auth.csrf}. */
    public record Denied(int status, String code, String message) implements Decision {
    }

    /**
     * @param users the users file, or empty to serve everyone (loopback only)
     * @param tls   the certificate and key when serving HTTPS
     * @param clock wall clock, for session timeouts and login limits
     */
    public AccessControl(Optional<Users> users, Optional<TlsFiles> tls, InstantSource clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.sessions = new Sessions(clock);
        this.limiter = new LoginLimiter(clock);
    }

    /** No users, plain HTTP: what the tests and a local demo use. */
    public static AccessControl open() {
        return new AccessControl(Optional.empty(), Optional.empty(), InstantSource.system());
    }

    /** Whether no users are configured. */
    public boolean isOpen() {
        return users.isEmpty();
    }

    /** The users, when configured. */
    public Optional<Users> users() {
        return users;
    }

    /** The certificate and key, when serving HTTPS. */
    public Optional<TlsFiles> tls() {
        return tls;
    }

    /** Browser sessions. */
    public Sessions sessions() {
        return sessions;
    }

    /** Failed-login limits. */
    public LoginLimiter limiter() {
        return limiter;
    }

    /**
     * Refuses to serve an address other than loopback without users.
     *
     * @return the problem, or empty when {@code host} may be served
     */
    public Optional<String> checkHost(String host) {
        if (users.isPresent() || isLoopback(host)) {
            return Optional.empty();
        }
        return Optional.of("no users configured: refusing to serve on " + host + ", where anyone could change"
                + " the twin; give --users FILE (see ./twin users hash) or serve on 127.0.0.1");
    }

    /** One line for start-up: who may use the dashboard. */
    public String describe(String host) {
        if (users.isEmpty()) {
            return "no users configured: open to anyone on " + host;
        }
        Users u = users.get();
        return "access control: " + u.users().size() + " user(s), " + u.tokens().size() + " token(s)"
                + (tls.isPresent() ? ", HTTPS" : ", plain HTTP");
    }

    /** Decides whether {@code request} may do what {@code needed} may. */
    public Decision decide(Request request, Role needed) {
        Decision who = users.map(u -> identify(u, request)).orElseGet(() -> openAccess(request));
        if (who instanceof Allowed a && !a.principal().role().includes(needed)) {
            return new Denied(403, "auth.forbidden", "'" + a.principal().name() + "' is " + a.principal().role()
                    .label() + "; this needs " + needed.label());
        }
        return who;
    }

    /**
     * Decides a WebSocket handshake to the live stream (a viewer's). It carries no CSRF header, so a
     * session's cookie suffices; on an open twin, a handshake from another site's page is refused like an
     * unsafe request, since the stream would hand that page the twin's data.
     */
    public Decision decideLive(Request handshake) {
        Request r = users.isEmpty() ? new Request(true, handshake.authorization(), handshake.sessionId(),
                handshake.csrf(), handshake.host(), handshake.origin()) : handshake;
        return decide(r, Role.VIEWER);
    }

    private Decision identify(Users u, Request r) {
        if (r.authorization().isPresent()) {
            String header = r.authorization().get().trim();
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Denied(401, "auth.required", "the Authorization header must be 'Bearer TOKEN'");
            }
            return u.bearer(header.substring(7).trim()).<Decision>map(p -> new Allowed(p, Optional.empty()))
                    .orElseGet(() -> new Denied(401, "auth.required", "the bearer token is not known"));
        }
        Optional<Sessions.Session> session = r.sessionId().flatMap(sessions::touch);
        if (session.isEmpty()) {
            return new Denied(401, "auth.required", r.sessionId().isPresent() ? "the session has ended; log in again"
                    : "log in (POST /api/login) or send Authorization: Bearer TOKEN");
        }
        if (r.unsafe() && !session.get().csrfMatches(r.csrf().orElse(null))) {
            return new Denied(403, "auth.csrf", r.csrf().isEmpty() ? "the X-CSRF-Token header is missing"
                    : "the X-CSRF-Token header does not match the session");
        }
        return new Allowed(session.get().principal(), session);
    }

    private static Decision openAccess(Request r) {
        Optional<String> host = r.host().map(AccessControl::hostName);
        if (host.isPresent() && !isLoopback(host.get())) {
            return new Denied(403, "auth.forbidden", "without users the twin answers only requests to"
                    + " 127.0.0.1 or localhost");
        }
        if (r.unsafe() && r.origin().isPresent() && !sameHost(r.origin().get(), r.host().orElse(""))) {
            return new Denied(403, "auth.csrf", "a request from another site's page (Origin "
                    + r.origin().get() + ") may not change the twin");
        }
        return new Allowed(Principal.open(), Optional.empty());
    }

    /** Whether {@code host} (a name or address, without port) is the loopback interface. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(h) || h.startsWith("127.");
    }

    /** {@code host[:port]} or {@code [v6]:port} without the port. */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean sameHost(String origin, String hostHeader) {
        int scheme = origin.indexOf("://");
        String authority = scheme < 0 ? origin : origin.substring(scheme + 3);
        return authority.equalsIgnoreCase(hostHeader.trim());
    }
}
