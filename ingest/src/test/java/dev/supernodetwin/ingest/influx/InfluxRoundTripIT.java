package dev.supernodetwin.ingest.influx;

import dev.supernodetwin.ingest.testing.TestServices;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Points written to a real InfluxDB 1.x with influxdb-java read back the same through InfluxQL. */
class InfluxRoundTripIT {
    private static final int POINTS = 1_000;
    private static final long T0 = 1_763_924_400_000L;

    private final InfluxDB influx = InfluxDBFactory.connect(TestServices.influxUrl());
    private final String database = "it_" + UUID.randomUUID().toString().replace('-', '_');

    @AfterEach
    void dropDatabase() {
        influx.query(new Query("DROP DATABASE \"" + database + "\""));
        influx.close();
    }

    @Test
    void readsBackABatchOfPointsWithTheirCountsAndValues() {
        influx.query(new Query("CREATE DATABASE \"" + database + "\""));
        BatchPoints batch = BatchPoints.database(database).build();
        for (int i = 0; i < POINTS; i++) {
            batch.point(Point.measurement("optical")
                    .time(T0 + i, TimeUnit.MILLISECONDS)
                    .tag("device", "sn01/t01/gpu" + (i % 4) + "/oe0")
                    .tag("lane", Integer.toString(i % 8))
                    .addField("rx_dbm", -2.0 - i / 1000.0)
                    .addField("ferc_total", (long) i)
                    .build());
        }
        influx.write(batch);

        QueryResult count = query("SELECT count(rx_dbm) FROM optical");
        QueryResult perDevice = query("SELECT count(rx_dbm) FROM optical GROUP BY device");
        QueryResult one = query("SELECT rx_dbm, ferc_total FROM optical WHERE device = 'sn01/t01/gpu1/oe0' "
                + "AND lane = '5' ORDER BY time ASC LIMIT 2");

        assertThat(values(count).get(0).get(1)).isEqualTo((double) POINTS);
        assertThat(perDevice.getResults().get(0).getSeries()).hasSize(4)
                .allSatisfy(s -> assertThat(s.getValues().get(0).get(1)).isEqualTo(POINTS / 4.0));
        // i % 4 == 1 and i % 8 == 5: i = 5, 13, ...
        assertThat(values(one)).containsExactly(
                List.of((double) (T0 + 5), -2.005, 5.0),
                List.of((double) (T0 + 13), -2.013, 13.0));
    }

    private QueryResult query(String influxQl) {
        QueryResult result = influx.query(new Query(influxQl, database), TimeUnit.MILLISECONDS);
        assertThat(result.hasError()).as(result.getError()).isFalse();
        assertThat(result.getResults().get(0).hasError()).isFalse();
        return result;
    }

    private static List<List<Object>> values(QueryResult result) {
        return result.getResults().get(0).getSeries().get(0).getValues();
    }
}
