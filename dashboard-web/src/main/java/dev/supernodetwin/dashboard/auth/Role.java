package dev.supernodetwin.dashboard.auth;

import java.util.Locale;
import java.util.Optional;

/** What a user may do; each role includes the ones before it. */
public enum Role {
    /** Reads everything: the page, the API's GET routes and the live stream. */
    VIEWER,
    /** Also acknowledges, silences and controls replays. */
    OPERATOR,
    /** Also changes configuration and injects demo faults. */
    ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The name used in users files and answers: {@code viewer}, {@code operator}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code label}, in any case. */
    public static Optional<Role> of(String label) {
        for (Role r : values()) {
            if (r.label().equalsIgnoreCase(label.trim())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
