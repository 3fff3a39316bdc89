package dev.supernodetwin.dashboard.auth;

import java.util.Objects;

/**
 * Who a request comes from.
 *
 * @param name the user or token name; {@code anonymous} when no users are configured
 * @param role what it may do
 * @param via  how it was recognised
 */
public record Principal(String name, Role role, Via via) {
    /** How a principal was recognised. */
    public enum Via {
        /** A browser session cookie (unsafe requests also need the session's CSRF token). */
        SESSION,
        /** An {@code Authorization: Bearer} token. */
        TOKEN,
        /** Nobody: no users are configured and the twin serves only the loopback address. */
        OPEN
    }

    /** Requires every part. */
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(via, "via");
    }

    /** Anyone, when no users are configured. */
    static Principal open() {
        return new Principal("anonymous", Role.ADMIN, Via.OPEN);
    }
}
