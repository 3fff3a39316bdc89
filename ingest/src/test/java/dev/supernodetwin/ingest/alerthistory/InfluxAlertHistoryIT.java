package dev.supernodetwin.ingest.alerthistory;

import dev.supernodetwin.ingest.testing.TestServices;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert history written to a real InfluxDB reads back newest first, by window and device, nothing overwritten. */
class InfluxAlertHistoryIT {
    private static final long T0 = System.currentTimeMillis() - 3_600_000L;

    private final String database = "it_alert_history_" + UUID.randomUUID().toString().replace('-', '_');
    private final InfluxAlertHistory store = new InfluxAlertHistory(TestServices.influxUrl(), database);

    @AfterEach
    void dropDatabase() {
        store.close();
        try (InfluxDB influx = InfluxDBFactory.connect(TestServices.influxUrl())) {
            influx.query(new Query("DROP DATABASE \"" + database + "\""));
        }
    }

    @Test
    void readsBackWhatItWroteNewestFirstByWindowAndDevice() {
        AlertHistoryEntry laser = NdjsonAlertHistoryTest.firing(T0, "a-1", "sn01/t01/els0#1");
        AlertHistoryEntry twin = NdjsonAlertHistoryTest.firing(T0, "a-2", "sn01/t01/els0#1");
        AlertHistoryEntry prediction = new AlertHistoryEntry(T0 + 10, "firing", "p-1", "sn01", "prediction",
                "warning", "thermal", "thermal.gpu.trend", "sn01/t01/gpu1", "sn01/t01/gpu1", "hot 'soon'", "trend", 1,
                OptionalLong.of(T0 + 99_000), "", "");
        AlertHistoryEntry ack = AlertHistoryEntry.ack(T0 + 20, "sn01", "a-1", "sn01/t01/els0", "ann");
        AlertHistoryEntry silence = AlertHistoryEntry.silence(T0 + 30, true, "sn01", "s-1", "rack:r1", "bob", "swap");
        store.append(List.of(laser, twin, prediction));
        store.append(List.of(ack, silence));

        List<AlertHistoryEntry> everything = store.query(new AlertHistoryQuery(0, Long.MAX_VALUE, Optional.empty(), 100));
        assertThat(everything).extracting(AlertHistoryEntry::state)
                .containsExactly("silenced", "acknowledged", "firing", "firing", "firing");
        // same tags in the same millisecond: both kept
        assertThat(everything.subList(3, 5)).extracting(AlertHistoryEntry::id).containsExactlyInAnyOrder("a-1", "a-2");
        assertThat(everything.get(2)).isEqualTo(prediction);
        assertThat(everything.get(0)).isEqualTo(silence);
        assertThat(everything.get(1)).isEqualTo(ack);

        assertThat(store.query(new AlertHistoryQuery(0, Long.MAX_VALUE, Optional.of("sn01/t01/els0"), 100)))
                .extracting(AlertHistoryEntry::id).containsExactlyInAnyOrder("a-1", "a-1", "a-2");
        assertThat(store.query(new AlertHistoryQuery(T0 + 10, T0 + 20, Optional.empty(), 100)))
                .extracting(AlertHistoryEntry::id).containsExactly("a-1", "p-1");
        assertThat(store.query(new AlertHistoryQuery(0, Long.MAX_VALUE, Optional.of("it's/odd"), 10))).isEmpty();
        assertThat(store.query(new AlertHistoryQuery(0, Long.MAX_VALUE, Optional.empty(), 2))).hasSize(2);
    }

    @Test
    void anEmptyDatabaseHasNoHistory() {
        assertThat(store.query(new AlertHistoryQuery(0, Long.MAX_VALUE, Optional.empty(), 10))).isEmpty();
    }
}
