package dev.supernodetwin.ingest.history;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.history.Downsampler;
import dev.supernodetwin.core.history.HistoryOutput;
import dev.supernodetwin.core.history.StateChange;
import dev.supernodetwin.core.history.WindowAggregate;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.twin.FrameListener;

import java.time.Duration;

/**
 * Writes the twin's history to InfluxDB: a {@link FrameListener} that downsamples every applied frame
 * on the twin's writer thread ({@link Downsampler}) and hands the resulting points to a
 * {@link HistoryWriter}, which writes them in the background. Ingest never waits for InfluxDB: when it
 * is slow or down, points wait in a bounded queue and are written once it is back; only when the
 * queue is full are points dropped, and counted ({@link #stats()}).
 *
 * <p>Register it with {@code twin.addListener(sink)}; close it from the twin's writer thread, or after
 * that thread has stopped, since closing flushes the open windows.
 */
public final class InfluxHistorySink implements FrameListener, AutoCloseable {
    private final Downsampler downsampler;
    private final HistoryWriter writer;
    private final Duration closeTimeout;

    private InfluxHistorySink(SensorLayout layout, HistorySettings settings, PointWriter store) {
        HistoryPoints points = new HistoryPoints(layout.topology());
        this.writer = HistoryWriter.start(settings, store);
        this.closeTimeout = Duration.ofSeconds(30);
        this.downsampler = new Downsampler(layout, settings.window().toMillis(), settings.lateness().toMillis(),
                new HistoryOutput() {
                    @Override
                    public void aggregate(WindowAggregate aggregate) {
                        writer.offer(points.aggregate(aggregate));
                    }

                    @Override
                    public void stateChange(StateChange change) {
                        writer.offer(points.stateChange(change));
                    }
                });
    }

    /**
     * A sink writing to the InfluxDB at {@code settings.url()}. Does not fail when InfluxDB is down:
     * the database and retention policy are created in the background as soon as it answers.
     */
    public static InfluxHistorySink start(SensorLayout layout, HistorySettings settings) {
        return start(layout, settings, new InfluxPointWriter(settings));
    }

    /** A sink writing through {@code store}. */
    public static InfluxHistorySink start(SensorLayout layout, HistorySettings settings, PointWriter store) {
        return new InfluxHistorySink(layout, settings, store);
    }

    @Override
    public void onFrame(FrameBuffer frame) {
        downsampler.onFrame(frame);
    }

    /** Emits the open windows now. */
    @Override
    public void onIdle() {
        downsampler.onIdle();
    }

    /** The writer's counters; safe from any thread. */
    public HistoryStats stats() {
        return writer.stats();
    }

    /** Samples left out of history because their window had been written; read on the twin's thread. */
    public long lateSamples() {
        return downsampler.lateSamples();
    }

    /** Emits the open windows, then writes what is queued, waiting at most 30 s. */
    @Override
    public void close() {
        close(closeTimeout);
    }

    /** Emits the open windows, then writes what is queued, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        downsampler.onIdle();
        writer.close(timeout);
    }
}
