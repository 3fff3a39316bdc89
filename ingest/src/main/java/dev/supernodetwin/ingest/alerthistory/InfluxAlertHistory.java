package dev.supernodetwin.ingest.alerthistory;

import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Alert history in InfluxDB 1.x, measurement {@code alert_events}. Tags: {@code supernode}, {@code state},
 * {@code kind}, {@code severity}, {@code category}, {@code rule}, {@code root_cause} and {@code root_device}
 * (the root cause's device, so a device's history is one tag lookup); fields: {@code id}, {@code device},
 * {@code summary}, {@code reason}, {@code affected_count}, {@code eta}, {@code by}, {@code comment}. Empty
 * tags and fields are left out. Times are written in nanoseconds with a running sub-millisecond offset,
 * because two entries with the same tags in the same millisecond would otherwise overwrite each other.
 */
public final class InfluxAlertHistory implements AlertHistoryStore {
    /** The measurement. */
    public static final String MEASUREMENT = "alert_events";
    private static final long NANOS_PER_MS = 1_000_000L;

    private final String url;
    private final String database;
    private final InfluxDB influx;
    private boolean prepared;
    private long sequence;

    /** A store in {@code database} at {@code url}; connects lazily, so InfluxDB may be down at start. */
    public InfluxAlertHistory(String url, String database) {
        this.url = url;
        this.database = database;
        OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS);
        this.influx = InfluxDBFactory.connect(url, http);
    }

    @Override
    public synchronized void append(List<AlertHistoryEntry> entries) {
        try {
            if (!prepared) {
                check(influx.query(new Query("CREATE DATABASE " + InfluxQl.identifier(database))));
                prepared = true;
            }
            BatchPoints.Builder batch = BatchPoints.database(database).precision(TimeUnit.NANOSECONDS);
            for (AlertHistoryEntry e : entries) {
                batch.point(point(e, sequence++ % NANOS_PER_MS));
            }
            influx.write(batch.build());
        } catch (InfluxDBException e) {
            prepared = false;
            throw new AlertHistoryException("writing alert history to " + url + " failed: " + e.getMessage(), e);
        }
    }

    static Point point(AlertHistoryEntry e, long offsetNanos) {
        Point.Builder p = Point.measurement(MEASUREMENT).time(e.ts() * NANOS_PER_MS + offsetNanos, TimeUnit.NANOSECONDS);
        tag(p, "supernode", e.supernode());
        tag(p, "state", e.state());
        tag(p, "kind", e.kind());
        tag(p, "severity", e.severity());
        tag(p, "category", e.category());
        tag(p, "rule", e.rule());
        tag(p, "root_cause", e.rootCause());
        int hash = e.rootCause().lastIndexOf('#');
        tag(p, "root_device", hash > 0 ? e.rootCause().substring(0, hash) : e.rootCause());
        p.addField("id", e.id());
        p.addField("device", e.device());
        p.addField("summary", e.summary());
        p.addField("reason", e.reason());
        p.addField("affected_count", (long) e.affectedCount());
        e.eta().ifPresent(eta -> p.addField("eta", eta));
        p.addField("by", e.by());
        p.addField("comment", e.comment());
        return p.build();
    }

    private static void tag(Point.Builder p, String name, String value) {
        if (!value.isEmpty()) {
            p.tag(name, value);
        }
    }

    @Override
    public List<AlertHistoryEntry> query(AlertHistoryQuery q) {
        QueryResult result;
        try {
            result = influx.query(new Query(InfluxQl.select(q), database), TimeUnit.MILLISECONDS);
        } catch (InfluxDBException e) {
            throw new AlertHistoryException("reading alert history from " + url + " failed: " + e.getMessage(), e);
        }
        check(result);
        List<AlertHistoryEntry> out = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                for (List<Object> row : s.getValues()) {
                    out.add(entry(s.getColumns(), row));
                }
            }
        }
        return out;
    }

    private static AlertHistoryEntry entry(List<String> columns, List<Object> row) {
        Map<String, Object> v = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            v.put(columns.get(i), row.get(i));
        }
        Object eta = v.get("eta");
        return new AlertHistoryEntry(((Number) v.get("time")).longValue(), text(v, "state"), text(v, "id"),
                text(v, "supernode"), text(v, "kind"), text(v, "severity"), text(v, "category"), text(v, "rule"),
                text(v, "root_cause"), text(v, "device"), text(v, "summary"), text(v, "reason"),
                v.get("affected_count") instanceof Number n ? n.intValue() : 0,
                eta instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty(), text(v, "by"),
                text(v, "comment"));
    }

    private static String text(Map<String, Object> v, String name) {
        Object o = v.get(name);
        return o == null ? "" : String.valueOf(o);
    }

    private static void check(QueryResult result) {
        String error = result.hasError() ? result.getError() : null;
        if (error == null && result.getResults() != null) {
            for (QueryResult.Result r : result.getResults()) {
                error = r.hasError() ? r.getError() : error;
            }
        }
        if (error != null && !error.contains("database not found")) {
            throw new AlertHistoryException("InfluxDB refused the alert history query: " + error, null);
        }
    }

    @Override
    public String describe() {
        return "InfluxDB " + url + " database " + database + " measurement " + MEASUREMENT;
    }

    @Override
    public void close() {
        influx.close();
    }
}
