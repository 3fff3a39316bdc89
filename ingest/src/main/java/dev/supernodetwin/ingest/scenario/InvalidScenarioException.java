package dev.supernodetwin.ingest.scenario;

import java.util.List;

/** A scenario file that cannot be used, with every problem found and where it is. */
public final class InvalidScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** An exception listing {@code problems}, each starting with its path (e.g. {@code faults[2].onset}). */
    public InvalidScenarioException(String source, List<String> problems) {
        super("invalid scenario " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<String> problems() {
        return problems;
    }
}
