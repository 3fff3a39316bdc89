package dev.supernodetwin.ingest.history;

import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** InfluxQL against one database of a real InfluxDB, for the history integration tests. */
final class InfluxQueries {
    private final InfluxDB influx;
    private final String database;

    InfluxQueries(InfluxDB influx, String database) {
        this.influx = influx;
        this.database = database;
    }

    /** The rows of the first series, times in epoch ms; empty if there is none. */
    List<List<Object>> rows(String influxQl) {
        QueryResult result = influx.query(new Query(influxQl, database), TimeUnit.MILLISECONDS);
        assertThat(result.hasError()).as("%s: %s", influxQl, result.getError()).isFalse();
        QueryResult.Result first = result.getResults().get(0);
        assertThat(first.hasError()).as("%s: %s", influxQl, first.getError()).isFalse();
        return first.getSeries() == null ? List.of() : first.getSeries().get(0).getValues();
    }

    /** The single number a query such as {@code SELECT count(x) ...} returns; 0 when there are no rows. */
    double number(String influxQl) {
        List<List<Object>> rows = rows(influxQl);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(1)).doubleValue();
    }

    void dropDatabase() {
        influx.query(new Query("DROP DATABASE \"" + database + "\""));
    }
}
