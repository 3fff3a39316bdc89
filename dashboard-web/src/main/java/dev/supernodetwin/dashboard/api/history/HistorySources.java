package dev.supernodetwin.dashboard.api.history;

import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.state.SensorLayout;

import java.util.Optional;

/**
 * The history a twin's page charts read, chosen once at start-up: InfluxDB when the twin writes history
 * there ({@code --influx-url}), else a recent-history ring in memory that the writer must feed.
 *
 * @param source what {@code /api/history} reads
 * @param recent the ring the writer records published snapshots into; empty when history is in InfluxDB
 * @param influx the InfluxDB source, to be closed at shutdown; empty when history is in memory
 */
public record HistorySources(HistorySource source, Optional<RecentHistory> recent,
                             Optional<InfluxHistorySource> influx) {

    /**
     * @param influxUrl the InfluxDB the twin writes history to, if any
     * @param database  its database
     * @param layout    the twin's sensor layout, sizing the in-memory ring
     */
    public static HistorySources choose(Optional<String> influxUrl, String database, SensorLayout layout) {
        return choose(influxUrl, database, layout, RecentHistory.DEFAULT_BUDGET_BYTES);
    }

    /** As {@link #choose(Optional, String, SensorLayout)}, with the in-memory ring held to {@code budgetBytes}. */
    public static HistorySources choose(Optional<String> influxUrl, String database, SensorLayout layout,
                                        long budgetBytes) {
        if (influxUrl.isPresent()) {
            InfluxHistorySource influx = new InfluxHistorySource(influxUrl.get(), database);
            return new HistorySources(influx, Optional.empty(), Optional.of(influx));
        }
        RecentHistory recent = new RecentHistory(layout.sensorCount(), RecentHistory.DEFAULT_STEP_MILLIS,
                RecentHistory.DEFAULT_WINDOW_MILLIS, budgetBytes);
        return new HistorySources(new MemoryHistorySource(recent), Optional.of(recent), Optional.empty());
    }
}
