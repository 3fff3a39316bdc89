package dev.supernodetwin.ingest.history;

import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Writes points to InfluxDB 1.x with influxdb-java (line protocol over HTTP, millisecond precision) into
 * the configured database and retention policy. Used by one thread.
 */
public final class InfluxPointWriter implements PointWriter {
    private final HistorySettings settings;
    private final InfluxDB influx;

    /** A writer for {@code settings.url()}; connects lazily, so InfluxDB may be down. */
    public InfluxPointWriter(HistorySettings settings) {
        this.settings = settings;
        this.influx = InfluxDBFactory.connect(settings.url());
    }

    @Override
    public void prepare() {
        String db = quote(settings.database());
        String rp = quote(settings.retentionPolicy());
        String duration = settings.retention().toSeconds() + "s";
        run("CREATE DATABASE " + db);
        QueryResult created = query("CREATE RETENTION POLICY " + rp + " ON " + db + " DURATION " + duration
                + " REPLICATION 1 DEFAULT");
        Optional<String> error = error(created);
        if (error.isPresent() && error.get().contains("already exists")) {
            // Same name, other settings: bring it to the configured ones.
            run("ALTER RETENTION POLICY " + rp + " ON " + db + " DURATION " + duration + " DEFAULT");
        } else if (error.isPresent()) {
            throw new HistoryWriteException("creating retention policy " + rp + " failed: " + error.get(), false,
                    null);
        }
    }

    @Override
    public void write(List<Point> points) {
        BatchPoints batch = BatchPoints.database(settings.database())
                .retentionPolicy(settings.retentionPolicy())
                .precision(TimeUnit.MILLISECONDS)
                .points(points)
                .build();
        try {
            influx.write(batch);
        } catch (InfluxDBException e) {
            // A missing database is repaired by prepare(), which the writer runs again after a failure.
            boolean retryable = e.isRetryWorth() || e instanceof InfluxDBException.DatabaseNotFoundException;
            throw new HistoryWriteException("writing " + points.size() + " points failed: " + e.getMessage(),
                    retryable, e);
        }
    }

    @Override
    public void close() {
        influx.close();
    }

    private void run(String influxQl) {
        error(query(influxQl)).ifPresent(error -> {
            throw new HistoryWriteException(influxQl + " failed: " + error, false, null);
        });
    }

    private QueryResult query(String influxQl) {
        try {
            return influx.query(new Query(influxQl));
        } catch (InfluxDBException e) {
            throw new HistoryWriteException(influxQl + " failed: " + e.getMessage(), e.isRetryWorth(), e);
        }
    }

    private static Optional<String> error(QueryResult result) {
        if (result.hasError()) {
            return Optional.of(result.getError());
        }
        if (result.getResults() != null) {
            for (QueryResult.Result r : result.getResults()) {
                if (r.hasError()) {
                    return Optional.of(r.getError());
                }
            }
        }
        return Optional.empty();
    }

    private static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }
}
