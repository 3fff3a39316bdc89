package dev.supernodetwin.ingest.history;

import java.time.Duration;
import java.util.Objects;

/**
 * How history is written to InfluxDB 1.x. Every value has a default ({@link #defaults()}); a bad value
 * fails with an {@link IllegalArgumentException} naming the setting.
 *
 * @param url             InfluxDB HTTP endpoint; default {@code http://127.0.0.1:8086}
 * @param database        database, created if missing; default {@code twin}
 * @param retentionPolicy retention policy written to, created (or altered) as the default; default {@code twin}
 * @param retention       how long history is kept, at least one hour; default 30 days
 * @param window          downsampling window, whole seconds; default 10 s
 * @param lateness        how long after a window's end samples for it are still taken, shorter than
 *                        the window; default 2 s
 * @param queueCapacity   points buffered for the writer; beyond it the newest are dropped and counted;
 *                        default 1,000,000
 * @param batchSize       points per write, at most the queue capacity; default 5,000
 * @param flushInterval   longest a point waits for a batch to fill; default 1 s
 */
public record HistorySettings(String url, String database, String retentionPolicy, Duration retention,
                              Duration window, Duration lateness, int queueCapacity, int batchSize,
                              Duration flushInterval) {

    /** Checks every setting. */
    public HistorySettings {
        require(url != null && (url.startsWith("http://") || url.startsWith("https://")),
                "history.url must be an http:// or https:// URL, was " + url);
        require(database != null && database.matches("[A-Za-z0-9_\\-]+"),
                "history.database must be letters, digits, '_' or '-', was " + database);
        require(retentionPolicy != null && retentionPolicy.matches("[A-Za-z0-9_\\-]+"),
                "history.retentionPolicy must be letters, digits, '_' or '-', was " + retentionPolicy);
        Objects.requireNonNull(retention, "history.retention");
        Objects.requireNonNull(window, "history.window");
        Objects.requireNonNull(lateness, "history.lateness");
        Objects.requireNonNull(flushInterval, "history.flushInterval");
        require(retention.compareTo(Duration.ofHours(1)) >= 0 && retention.toMillis() % 1000 == 0,
                "history.retention must be whole seconds and at least 1 h (InfluxDB's minimum), was " + retention);
        require(!window.isNegative() && window.toMillis() >= 1000 && window.toMillis() % 1000 == 0,
                "history.window must be whole seconds and at least 1 s, was " + window);
        require(!lateness.isNegative() && lateness.compareTo(window) < 0,
                "history.lateness must be >= 0 and shorter than history.window (" + window + "), was " + lateness);
        require(queueCapacity >= 1, "history.queueCapacity must be >= 1, was " + queueCapacity);
        require(batchSize >= 1 && batchSize <= queueCapacity,
                "history.batchSize must be in 1..history.queueCapacity (" + queueCapacity + "), was " + batchSize);
        require(flushInterval.toMillis() >= 1, "history.flushInterval must be at least 1 ms, was " + flushInterval);
    }

    /** Every setting at its default. */
    public static HistorySettings defaults() {
        return new HistorySettings("http://127.0.0.1:8086", "twin", "twin", Duration.ofDays(30),
                Duration.ofSeconds(10), Duration.ofSeconds(2), 1_000_000, 5_000, Duration.ofSeconds(1));
    }

    /** A copy with another URL. */
    public HistorySettings withUrl(String newUrl) {
        return new HistorySettings(newUrl, database, retentionPolicy, retention, window, lateness, queueCapacity,
                batchSize, flushInterval);
    }

    /** A copy with another database. */
    public HistorySettings withDatabase(String newDatabase) {
        return new HistorySettings(url, newDatabase, retentionPolicy, retention, window, lateness, queueCapacity,
                batchSize, flushInterval);
    }

    /** A copy with another queue capacity and batch size. */
    public HistorySettings withBuffering(int newQueueCapacity, int newBatchSize, Duration newFlushInterval) {
        return new HistorySettings(url, database, retentionPolicy, retention, window, lateness, newQueueCapacity,
                newBatchSize, newFlushInterval);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
