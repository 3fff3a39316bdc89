package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-off between the writer thread and one receiver's sender thread. {@link #offer}
 * never blocks: when the queue is full the oldest firing event goes first; a resolve is never dropped,
 * so resolves may take the queue past its capacity (they are bounded by the alerts that fired).
 */
final class EventQueue {
    private final int capacity;
    private final ArrayDeque<AlertEvent> events = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private boolean closed;

    EventQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds {@code e}; returns how many events were dropped to make room (0 or 1). */
    int offer(AlertEvent e) {
        lock.lock();
        try {
            int dropped = 0;
            if (events.size() >= capacity) {
                if (removeOldestFiring()) {
                    dropped = 1;
                } else if (e.state() == State.FIRING) {
                    return 1;
                }
            }
            events.addLast(e);
            notEmpty.signal();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    private boolean removeOldestFiring() {
        for (Iterator<AlertEvent> it = events.iterator(); it.hasNext(); ) {
            if (it.next().state() == State.FIRING) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /**
     * Takes up to {@code max} events, waiting up to {@code waitMillis} for the first; returns what there
     * is (maybe nothing) when the wait ends or the queue is closed.
     */
    List<AlertEvent> take(int max, long waitMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, waitMillis));
            while (events.isEmpty() && !closed && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            List<AlertEvent> out = new ArrayList<>(Math.min(max, events.size()));
            while (out.size() < max && !events.isEmpty()) {
                out.add(events.pollFirst());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the sender: what is queued is still taken, then takes return at once. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Events waiting. */
    int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }
}
