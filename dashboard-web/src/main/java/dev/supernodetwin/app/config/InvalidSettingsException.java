package dev.supernodetwin.app.config;

import java.util.List;

/** Start-up refused: lists every bad setting with where its value came from. */
public final class InvalidSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** @param problems every problem found, at least one */
    public InvalidSettingsException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<String> problems() {
        return problems;
    }
}
