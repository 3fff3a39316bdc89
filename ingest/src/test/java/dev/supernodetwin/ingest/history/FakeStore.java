package dev.supernodetwin.ingest.history;

import org.influxdb.dto.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A history store in memory that can be switched off, or made to refuse points, for the writer's logic tests. */
final class FakeStore implements PointWriter {
    private final List<String> lines = new ArrayList<>();
    private volatile boolean down;
    private volatile boolean refusing;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private int prepares;
    private int attempts;
    private volatile int entered;


    void down(boolean isDown) {
        this.down = isDown;
    }

    void refusing(boolean refuse) {
        this.refusing = refuse;
    }

    /** Makes every write wait until {@link #open()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    @Override
    public synchronized void prepare() {
        prepares++;
        if (down) {
            throw new HistoryWriteException("connection refused", true, null);
        }
    }

    @Override
    public void write(List<Point> points) {
        entered++;
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryWriteException("interrupted", true, e);
        }
        synchronized (this) {
            attempts++;
            if (down) {
                throw new HistoryWriteException("connection refused", true, null);
            }
            if (refusing) {
                throw new HistoryWriteException("field type conflict", false, null);
            }
            for (Point p : points) {
                lines.add(p.lineProtocol(TimeUnit.MILLISECONDS));
            }
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized int prepares() {
        return prepares;
    }

    /** Writes begun, including one waiting at the gate. */
    int entered() {
        return entered;
    }

    synchronized int attempts() {
        return attempts;
    }

    @Override
    public void close() {
    }
}
