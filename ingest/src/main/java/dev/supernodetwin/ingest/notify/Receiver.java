package dev.supernodetwin.ingest.notify;

import java.util.Objects;

/**
 * One receiver of alert notifications.
 *
 * @param name        unique name, used in logs and as the {@code receiver} label of the metrics
 * @param destination where and how notifications are sent
 * @param filter      which alert events it gets
 */
public record Receiver(String name, Destination destination, AlertFilter filter) {

    /** Requires every part. */
    public Receiver {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(filter, "filter");
    }
}
