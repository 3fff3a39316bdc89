package dev.supernodetwin.dashboard.auth;

import java.util.List;

/** A users file that cannot be used, with every problem found in it. */
public final class InvalidUsersException extends RuntimeException {
    private final transient List<String> problems;

    /** @param problems each problem, naming the entry and field */
    public InvalidUsersException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one per line when printed. */
    public List<String> problems() {
        return problems;
    }
}
