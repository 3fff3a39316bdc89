package dev.supernodetwin.ingest.history;

import org.influxdb.dto.Point;

import java.util.List;

/** The history store as the {@link HistoryWriter} sees it: set up once, then batches of points. */
public interface PointWriter extends AutoCloseable {
    /**
     * Creates the database and retention policy if missing. Idempotent; called again after a failure.
     *
     * @throws HistoryWriteException when the store cannot be reached or refuses
     */
    void prepare();

    /**
     * Writes one batch, all or nothing.
     *
     * @throws HistoryWriteException when the batch was not written
     */
    void write(List<Point> points);

    /** Releases connections. */
    @Override
    void close();
}
