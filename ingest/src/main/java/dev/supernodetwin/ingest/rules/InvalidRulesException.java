package dev.supernodetwin.ingest.rules;

import java.util.List;

/** A rules file that cannot be used, with every problem found and where it is. */
public final class InvalidRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** An exception listing {@code problems}, each starting with its path (e.g. {@code rules[2].ewma.lambda}). */
    public InvalidRulesException(String source, List<String> problems) {
        super("invalid rules " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<String> problems() {
        return problems;
    }
}
