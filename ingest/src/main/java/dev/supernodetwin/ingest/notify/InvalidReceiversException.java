package dev.supernodetwin.ingest.notify;

import java.util.List;

/** A receivers file that cannot be used, with every problem found and where it is. */
public final class InvalidReceiversException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** An exception listing {@code problems}, each starting with its path (e.g. {@code receivers[1].webhook.url}). */
    public InvalidReceiversException(String source, List<String> problems) {
        super("invalid receivers " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<String> problems() {
        return problems;
    }
}
