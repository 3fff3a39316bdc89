package dev.supernodetwin.dashboard.auth;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins: after {@link #MAX_FAILURES} failures within {@link #WINDOW_MS} for one user name,
 * or {@link #MAX_FAILURES_PER_ADDRESS} from one client address (higher: many people may share an address),
 * further attempts for it are refused until the window has passed since its first failure. A success clears the user's count. In memory, shared by every server instance.
 */
public final class LoginLimiter {
    /** Failures allowed per user name within a window. */
    public static final int MAX_FAILURES = 5;
    /** Failures allowed per client address within a window. */
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    /** The window: 15 minutes. */
    public static final long WINDOW_MS = 15L * 60 * 1000;
    private static final int MAX_KEYS = 100_000;

    private record Count(long since, int failures) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final InstantSource clock;

    /** @param clock wall clock */
    public LoginLimiter(InstantSource clock) {
        this.clock = clock;
    }

    /** Milliseconds until {@code user} from {@code address} may try again; 0 when it may now. */
    public long retryAfterMs(String user, String address) {
        long now = clock.millis();
        return Math.max(wait("u:" + user, MAX_FAILURES, now), wait("a:" + address, MAX_FAILURES_PER_ADDRESS, now));
    }

    /** Counts a failed login. */
    public void failed(String user, String address) {
        long now = clock.millis();
        if (counts.size() >= MAX_KEYS) {
            counts.values().removeIf(c -> now - c.since() >= WINDOW_MS);
        }
        count("u:" + user, now);
        count("a:" + address, now);
    }

    /** A successful login clears the user's failures (not the address's: one address may try many names). */
    public void succeeded(String user) {
        counts.remove("u:" + user);
    }

    private void count(String key, long now) {
        counts.merge(key, new Count(now, 1), (old, one) -> now - old.since() >= WINDOW_MS ? one
                : new Count(old.since(), old.failures() + 1));
    }

    private long wait(String key, int allowed, long now) {
        Count c = counts.get(key);
        if (c == null || c.failures() < allowed) {
            return 0;
        }
        return Math.max(0, c.since() + WINDOW_MS - now);
    }
}
