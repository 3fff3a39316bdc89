package dev.supernodetwin.ingest.alerthistory;

/** Alert history could not be written or read now (InfluxDB down, disk full); the caller decides what next. */
public final class AlertHistoryException extends RuntimeException {
    /** @param message what failed @param cause why, may be null */
    public AlertHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
