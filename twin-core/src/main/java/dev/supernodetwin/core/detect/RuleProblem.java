package dev.supernodetwin.core.detect;

import java.util.Objects;

/**
 * One thing wrong with a rule set.
 *
 * @param where   the rule (see {@link Rule#where()}) or, from a rules file, the path in the file
 * @param message what is wrong and what would be right
 */
public record RuleProblem(String where, String message) {
    public RuleProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
