package dev.supernodetwin.ingest.alerthistory;

/** InfluxQL for alert history, with quoting that keeps any device id a literal. */
final class InfluxQl {
    // InfluxDB keeps times up to 2262; a later "to" (an open window) is clamped to this, year 2255.
    private static final long LATEST_MS = 9_000_000_000_000L;

    private InfluxQl() {
    }

    /** The query for {@code q}: its window and device, newest first, at most its limit. */
    static String select(AlertHistoryQuery q) {
        StringBuilder s = new StringBuilder("SELECT * FROM ").append(InfluxAlertHistory.MEASUREMENT)
                .append(" WHERE time >= ").append(q.from()).append("ms AND time < ")
                .append(Math.min(q.to(), LATEST_MS) + 1).append("ms");
        q.device().ifPresent(d -> s.append(" AND (root_device = ").append(literal(d)).append(" OR device = ")
                .append(literal(d)).append(')'));
        return s.append(" ORDER BY time DESC LIMIT ").append(q.limit()).toString();
    }

    /** A string literal: single-quoted, backslashes and quotes escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A double-quoted identifier. */
    static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
