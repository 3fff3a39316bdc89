package dev.supernodetwin.ingest.history;

/**
 * A write or set-up of history failed. {@link #retryable()} says whether trying the same points again
 * can succeed (server down, slow or restarting) or not (points the server refuses).
 */
public final class HistoryWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /** A failure; {@code retryable} when the same request may succeed later. */
    public HistoryWriteException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether the same points may be written later. */
    public boolean retryable() {
        return retryable;
    }
}
