package dev.supernodetwin.ingest.notify;

import java.time.Duration;

/**
 * Exponential backoff with jitter between delivery attempts: the n-th retry waits
 * {@code min(max, initial · 2^(n-1))}, of which a random half is taken off, so that many senders that
 * failed together do not retry together.
 *
 * @param initial the wait before the first retry (before jitter)
 * @param max     the longest wait
 */
public record Backoff(Duration initial, Duration max) {

    /** Requires {@code 0 < initial <= max}. */
    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + ", " + max);
        }
    }

    /** The default of the receivers file: 500 ms doubling up to 30 s. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /**
     * The wait before retry {@code retry} (1 for the first).
     *
     * @param random a uniform draw in [0, 1): 0 waits half the exponential step, values near 1 all of it
     */
    public Duration delay(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, was " + retry);
        }
        long cap = max.toMillis();
        // Doubling stops once it passes the cap; shifting further would overflow.
        long step = initial.toMillis();
        for (int i = 1; i < retry && step < cap; i++) {
            step *= 2;
        }
        step = Math.min(step, cap);
        long half = step / 2;
        return Duration.ofMillis(step - half + (long) (Math.min(Math.max(random, 0), 1) * half));
    }
}
