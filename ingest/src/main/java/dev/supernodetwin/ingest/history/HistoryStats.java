package dev.supernodetwin.ingest.history;

import java.util.Optional;

/**
 * The history writer's self-observation, for metrics and health checks. Counters are totals since start.
 *
 * @param pointsQueued       points accepted into the queue
 * @param pointsWritten      points the store acknowledged
 * @param pointsDropped      points refused because the queue was full (history has a gap)
 * @param pointsRejected     points the store refused for good (e.g. a field type conflict)
 * @param backlog            points accepted but not yet written or rejected
 * @param writeFailures      failed attempts to set up or write (each is retried unless rejected)
 * @param lastWriteSucceeded whether the most recent attempt succeeded; false before the first
 * @param lastWriteError     the message of the most recent failure, if any
 */
public record HistoryStats(long pointsQueued, long pointsWritten, long pointsDropped, long pointsRejected,
                           long backlog, long writeFailures, boolean lastWriteSucceeded,
                           Optional<String> lastWriteError) {
}
