package dev.supernodetwin.ingest.alerthistory;

import java.util.List;

/**
 * Where alert history is kept: an InfluxDB measurement or NDJSON files. Appends come from one background
 * thread; queries from worker threads of the HTTP edge, so implementations must allow both at once.
 */
public interface AlertHistoryStore extends AutoCloseable {
    /**
     * Keeps {@code entries}.
     *
     * @throws AlertHistoryException when the store cannot take them now
     */
    void append(List<AlertHistoryEntry> entries);

    /**
     * The entries answering {@code query}, newest first.
     *
     * @throws AlertHistoryException when the store cannot be read now
     */
    List<AlertHistoryEntry> query(AlertHistoryQuery query);

    /** What the store is, for start-up messages. */
    String describe();

    @Override
    void close();
}
