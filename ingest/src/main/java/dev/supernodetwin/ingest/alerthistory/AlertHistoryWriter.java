package dev.supernodetwin.ingest.alerthistory;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands alert history to a store from a background thread, so that the twin's writer thread (which calls
 * {@link #onAlert}) and the HTTP edge (acks, silences) never wait for a disk or InfluxDB. A full queue
 * drops the new entry and counts it; a store that fails is retried a few times, then the batch is dropped
 * and counted, because history must never hold up detection.
 */
public final class AlertHistoryWriter implements AlertSink, AutoCloseable {
    /** Entries waiting at most. */
    public static final int CAPACITY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertHistoryWriter.class);
    private static final int BATCH = 500;
    private static final int ATTEMPTS = 3;

    private final AlertHistoryStore store;
    private final BlockingQueue<AlertHistoryEntry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;

    private AlertHistoryWriter(AlertHistoryStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "alert-history");
        thread.setDaemon(true);
    }

    /** Starts a writer to {@code store}; {@link #close} stops it and closes the store. */
    public static AlertHistoryWriter start(AlertHistoryStore store) {
        AlertHistoryWriter w = new AlertHistoryWriter(store);
        w.thread.start();
        return w;
    }

    /** The store written to, also the one queries read. */
    public AlertHistoryStore store() {
        return store;
    }

    /** Queues {@code entry}; never blocks. */
    public void record(AlertHistoryEntry entry) {
        if (closing || !queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    /** Queues an alert event; called on the twin's writer thread. */
    @Override
    public void onAlert(AlertEvent event) {
        record(AlertHistoryEntry.of(event));
    }

    /** Entries dropped (queue full, store failing, or after close). */
    public long dropped() {
        return dropped.get();
    }

    /** Entries the store took. */
    public long written() {
        return written.get();
    }

    private void run() {
        List<AlertHistoryEntry> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                AlertHistoryEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<AlertHistoryEntry> batch) throws InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                store.append(batch);
                written.addAndGet(batch.size());
                return;
            } catch (AlertHistoryException | IllegalStateException e) {
                LOG.warn("alert history: {} entries not kept (attempt {} of {}): {}", batch.size(), attempt,
                        ATTEMPTS, e.getMessage());
                if (attempt < ATTEMPTS && !closing) {
                    Thread.sleep(1000L * attempt);
                }
            }
        }
        dropped.addAndGet(batch.size());
    }

    /** Writes what is queued (waiting a few seconds at most), then closes the store. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
