package dev.supernodetwin.app.notify;

import java.time.Duration;

/** Waits between delivery attempts; injected so that retry and backoff are tested on fake time. */
@FunctionalInterface
public interface Sleeper {
    /** The real one. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    /** Waits {@code duration}; interrupted at shutdown. */
    void sleep(Duration duration) throws InterruptedException;
}
