package dev.supernodetwin.dashboard.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, in memory, shared by every server instance of the edge (one object handed to all of
 * them), so a session made on one event loop is known on the other. A session ends after
 * {@link #IDLE_TIMEOUT_MS} without a request, at logout, or when the twin stops.
 */
public final class Sessions {
    /** A session unused this long is forgotten: 8 hours. */
    public static final long IDLE_TIMEOUT_MS = 8L * 60 * 60 * 1000;
    /** Most sessions kept; beyond it the least recently used one is dropped, so logins cannot fill memory. */
    static final int MAX_SESSIONS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final InstantSource clock;

    /** One session: who, its CSRF token, and when it was last used. */
    public record Session(String id, Principal principal, String csrf, long lastUsed) {
        /** Whether {@code token} is this session's CSRF token, compared in constant time. */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** @param clock wall clock, for idle timeouts */
    public Sessions(InstantSource clock) {
        this.clock = clock;
    }

    /** Starts a session for {@code principal}, with fresh random id and CSRF token. */
    public Session start(Principal principal) {
        if (byId.size() >= MAX_SESSIONS) {
            expire();
            byId.values().stream().min(Comparator.comparingLong(Session::lastUsed))
                    .ifPresent(oldest -> byId.remove(oldest.id()));
        }
        Session s = new Session(random(), principal, random(), clock.millis());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session {@code id} names, marked as used now; empty when unknown or idle too long. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        Session s = byId.computeIfPresent(id, (k, old) -> now - old.lastUsed() > IDLE_TIMEOUT_MS ? null
                : new Session(old.id(), old.principal(), old.csrf(), now));
        return Optional.ofNullable(s);
    }

    /** Ends the session {@code id} names, if any. */
    public void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private void expire() {
        long now = clock.millis();
        byId.values().removeIf(s -> now - s.lastUsed() > IDLE_TIMEOUT_MS);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
