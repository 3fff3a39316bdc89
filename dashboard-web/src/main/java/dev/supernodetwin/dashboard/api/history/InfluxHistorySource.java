package dev.supernodetwin.dashboard.api.history;

import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.metric.Metric;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * History from InfluxDB, in the schema the twin writes ({@code docs/history.md}): gauges from the
 * {@code telemetry} window summaries ({@code <metric>_min/_mean/_max}), counters from their last value per
 * window, state sensors from {@code telemetry_state} changes. Bucketing happens in InfluxDB with
 * {@code GROUP BY time(width, offset)}, the offset aligning buckets to {@code from} so there are never more
 * than asked for. Blocking: call it off the event loop.
 */
public final class InfluxHistorySource implements HistorySource, AutoCloseable {
    private final InfluxDB influx;
    private final String database;

    /**
     * @param url      InfluxDB address, {@code http://host:port}
     * @param database the database the twin writes history to
     */
    public InfluxHistorySource(String url, String database) {
        // Short timeouts: a page waiting on a dead InfluxDB should hear 503 quickly, not hang.
        OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(15, TimeUnit.SECONDS);
        this.influx = InfluxDBFactory.connect(url, http);
        this.database = database;
    }

    @Override
    public String name() {
        return "influx";
    }

    @Override
    public List<RecentHistory.Point> query(HistoryQuery q) {
        QueryResult result;
        try {
            result = influx.query(new Query(influxQl(q), database), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // Every failure of the client (refused, timeout, HTTP error) means the same thing to a page.
            throw new HistoryUnavailableException("InfluxDB did not answer: " + e.getMessage(), e);
        }
        if (result.hasError()) {
            throw new HistoryUnavailableException("InfluxDB refused the query: " + result.getError(), null);
        }
        List<RecentHistory.Point> out = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.hasError()) {
                throw new HistoryUnavailableException("InfluxDB refused the query: " + r.getError(), null);
            }
            if (r.getSeries() != null) {
                r.getSeries().forEach(s -> s.getValues().forEach(row -> point(row).ifPresent(out::add)));
            }
        }
        return out;
    }

    /** The InfluxQL for one query; package-visible for tests. */
    static String influxQl(HistoryQuery q) {
        Metric m = q.metric();
        String name = m.wireName();
        String select;
        String from;
        String where = "\"supernode\" = " + quote(q.supernode()) + " AND \"device\" = " + quote(q.device());
        if (q.lane().isPresent()) {
            where += " AND \"lane\" = '" + q.lane().getAsInt() + "'";
        }
        switch (m.type()) {
            case GAUGE -> {
                select = "min(\"" + name + "_min\"), mean(\"" + name + "_mean\"), max(\"" + name + "_max\")";
                from = "\"telemetry\"";
            }
            case COUNTER -> {
                select = "min(\"" + name + "\"), mean(\"" + name + "\"), max(\"" + name + "\")";
                from = "\"telemetry\"";
            }
            default -> {
                select = "min(\"value\"), mean(\"value\"), max(\"value\")";
                from = "\"telemetry_state\"";
                where += " AND \"metric\" = " + quote(name);
            }
        }
        long width = q.bucketMillis();
        return String.format(Locale.ROOT, "SELECT %s FROM %s WHERE %s AND time >= %dms AND time <= %dms "
                + "GROUP BY time(%dms, %dms) fill(none)", select, from, where, q.from(), q.to(), width,
                Math.floorMod(q.from(), width));
    }

    private static java.util.Optional<RecentHistory.Point> point(List<Object> row) {
        if (row.size() < 4 || !(row.get(0) instanceof Number t) || !(row.get(1) instanceof Number min)
                || !(row.get(2) instanceof Number mean) || !(row.get(3) instanceof Number max)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RecentHistory.Point(t.longValue(), min.doubleValue(), mean.doubleValue(),
                max.doubleValue()));
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public void close() {
        influx.close();
    }
}
