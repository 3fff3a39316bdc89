package dev.supernodetwin.core.topology;

/**
 * One thing wrong with a topology document, and where.
 *
 * @param where   a path into the document, e.g. {@code devices[12] (sn01/t01/gpu0/oe0).host}
 * @param message what is wrong, in words an operator can act on
 */
public record TopologyProblem(String where, String message) {
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
