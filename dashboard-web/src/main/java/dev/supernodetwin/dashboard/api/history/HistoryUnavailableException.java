package dev.supernodetwin.dashboard.api.history;

/** The history store did not answer; the message says why. Served as {@code 503 history.unavailable}. */
public final class HistoryUnavailableException extends RuntimeException {
    /** @param message why, for a human */
    public HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
