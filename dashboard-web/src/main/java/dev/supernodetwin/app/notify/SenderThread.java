package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One receiver's sender: takes events from its queue and hands them to its {@link Delivery}. At close
 * it sends what is still queued (the last resolves) for a bounded time, then stops.
 */
final class SenderThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SenderThread.class);
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final String name;
    private final EventQueue queue;
    private final Delivery delivery;
    private final Thread thread;
    private volatile boolean closing;

    SenderThread(String name, EventQueue queue, Delivery delivery) {
        this.name = name;
        this.queue = queue;
        this.delivery = delivery;
        this.thread = new Thread(this::run, "twin-notify-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long wait = 0;
        try {
            while (!closing || queue.size() > 0) {
                List<AlertEvent> events = queue.take(delivery.batch(), closing ? 0 : wait);
                wait = delivery.handle(events);
            }
            // Once more with nothing new, for what is still due (a resolve whose post has just failed).
            delivery.handle(List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug here must not go unnoticed, but it must not take detection down either.
            LOG.error("receiver {}: sender stopped", name, e);
        }
    }

    @Override
    public void close() {
        closing = true;
        queue.close();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
            if (thread.isAlive()) {
                LOG.warn("receiver {}: {} events not sent at shutdown", name, queue.size());
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
