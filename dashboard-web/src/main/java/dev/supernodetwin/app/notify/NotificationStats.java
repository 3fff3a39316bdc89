package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent.State;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one receiver did, for {@code /metrics}: written by its sender thread (and the writer thread for
 * drops and silenced events), read by the scrape.
 */
public final class NotificationStats {
    private final AtomicLongArray sent = new AtomicLongArray(State.values().length);
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong silenced = new AtomicLong();

    void countSent(State state) {
        sent.incrementAndGet(state.ordinal());
    }

    void countFailed() {
        failed.incrementAndGet();
    }

    void countDropped(long n) {
        dropped.addAndGet(n);
    }

    void countSilenced() {
        silenced.incrementAndGet();
    }

    /** Notifications delivered (a 2xx answer), by the state of the alert they carried. */
    public long sent(State state) {
        return sent.get(state.ordinal());
    }

    /**
     * Deliveries that failed: a webhook event given up after its retries or refused (4xx), or an
     * Alertmanager post that failed (its alerts stay due and are posted again).
     */
    public long failed() {
        return failed.get();
    }

    /** Events dropped because the receiver's queue was full (never a resolve). */
    public long dropped() {
        return dropped.get();
    }

    /** Firing events not sent because the alert was silenced. */
    public long silenced() {
        return silenced.get();
    }
}
