package dev.supernodetwin.core.topology;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a topology document has problems; carries all of them, not just the first. */
public final class InvalidTopologyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<TopologyProblem> problems;

    /** @param problems every problem found, at least one */
    public InvalidTopologyException(List<TopologyProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<TopologyProblem> problems() {
        return problems;
    }

    private static String describe(List<TopologyProblem> problems) {
        return problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in topology:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
