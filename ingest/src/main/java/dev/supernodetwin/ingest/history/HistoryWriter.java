package dev.supernodetwin.ingest.history;

import org.influxdb.dto.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded queue of points in front of one background thread that writes them in batches. Producers
 * never block: when the queue is full the newest point is dropped and counted. A failed batch is kept
 * and retried with capped exponential backoff (100 ms to 5 s), after setting the store up again, so an
 * outage leaves no gap in history as long as the queue holds the points made meanwhile. Points the
 * store refuses for good are counted as rejected and dropped, so one bad batch cannot stop history.
 */
public final class HistoryWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final BlockingQueue<Point> queue;
    private final PointWriter writer;
    private final int batchSize;
    private final long flushNanos;
    private final Thread thread;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean lastOk;
    private volatile String lastError;
    private volatile boolean closing;
    private long lastDropWarning = System.nanoTime() - WARN_EVERY_NANOS;
    private long lastFailureWarning = System.nanoTime() - WARN_EVERY_NANOS;

    private HistoryWriter(HistorySettings settings, PointWriter writer) {
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = writer;
        this.batchSize = settings.batchSize();
        this.flushNanos = settings.flushInterval().toNanos();
        this.thread = new Thread(this::run, "history-writer");
        thread.setDaemon(true);
    }

    /** Starts the writer thread; it sets the store up in the background, retrying while it is down. */
    public static HistoryWriter start(HistorySettings settings, PointWriter writer) {
        HistoryWriter w = new HistoryWriter(settings, writer);
        w.thread.start();
        return w;
    }

    /**
     * Queues a point without blocking. Called by one producer thread.
     *
     * @return false if the point was dropped (queue full, or closing)
     */
    public boolean offer(Point point) {
        if (!closing && queue.offer(point)) {
            queued.incrementAndGet();
            return true;
        }
        long n = dropped.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastDropWarning >= WARN_EVERY_NANOS) {
            lastDropWarning = now;
            LOG.warn("history queue full ({} points): dropping the newest points, {} dropped so far",
                    queue.size(), n);
        }
        return false;
    }

    /** Counters and gauges; safe from any thread. */
    public HistoryStats stats() {
        long w = written.get();
        long r = rejected.get();
        long q = queued.get();
        return new HistoryStats(q, w, dropped.get(), r, Math.max(0, q - w - r), failures.get(), lastOk,
                Optional.ofNullable(lastError));
    }

    /** Writes what is queued, waiting at most 30 s, then stops. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Stops taking points, writes what is queued within {@code timeout}, then stops and logs any loss. */
    public void close(Duration timeout) {
        closing = true;
        try {
            thread.join(Math.max(1, timeout.toMillis()));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(MAX_BACKOFF_MS);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            long lost = stats().backlog();
            if (lost > 0) {
                LOG.error("history writer stopped with {} points not written (InfluxDB unreachable: {})", lost,
                        lastError);
            }
            writer.close();
        }
    }

    private void run() {
        List<Point> batch = new ArrayList<>(batchSize);
        boolean prepared = false;
        long backoff = MIN_BACKOFF_MS;
        while (!Thread.currentThread().isInterrupted() && !(closing && batch.isEmpty() && queue.isEmpty())) {
            boolean writing = false;
            try {
                if (!prepared) {
                    writer.prepare();
                    prepared = true;
                }
                if (batch.isEmpty() && !fill(batch)) {
                    continue;
                }
                writing = true;
                writer.write(batch);
                written.addAndGet(batch.size());
                batch.clear();
                lastOk = true;
                backoff = MIN_BACKOFF_MS;
            } catch (HistoryWriteException e) {
                prepared = false;
                failed(e, batch, writing);
                // A refused batch is gone, so go on with the next; anything else waits before trying again.
                if (!(writing && !e.retryable())) {
                    if (!sleep(backoff)) {
                        break;
                    }
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // Not classified by the PointWriter: keep the batch and retry, visibly.
                prepared = false;
                failed(new HistoryWriteException("unexpected: " + e, true, e), batch, writing);
                if (!sleep(backoff)) {
                    break;
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    /** Waits up to the flush interval for a full batch; false if nothing came. */
    private boolean fill(List<Point> batch) throws InterruptedException {
        long deadline = System.nanoTime() + flushNanos;
        queue.drainTo(batch, batchSize);
        while (batch.size() < batchSize && !closing) {
            long left = deadline - System.nanoTime();
            Point p = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (p == null) {
                break;
            }
            batch.add(p);
            queue.drainTo(batch, batchSize - batch.size());
        }
        return !batch.isEmpty();
    }

    private void failed(HistoryWriteException e, List<Point> batch, boolean writing) {
        failures.incrementAndGet();
        lastOk = false;
        lastError = e.getMessage();
        if (writing && !e.retryable()) {
            rejected.addAndGet(batch.size());
            LOG.error("InfluxDB refused {} history points for good; dropping them: {}", batch.size(), e.getMessage());
            batch.clear();
            return;
        }
        long now = System.nanoTime();
        if (now - lastFailureWarning >= WARN_EVERY_NANOS) {
            lastFailureWarning = now;
            LOG.warn("history store unavailable, retrying with backoff; {} points waiting: {}",
                    stats().backlog(), e.getMessage());
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
