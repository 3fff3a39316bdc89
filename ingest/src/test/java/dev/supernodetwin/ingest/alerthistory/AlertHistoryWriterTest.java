package dev.supernodetwin.ingest.alerthistory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AlertHistoryWriterTest {
    @Test
    void closingWritesEverythingQueuedAndLaterEntriesAreDroppedNotBlocked(@TempDir Path dir) {
        NdjsonAlertHistory store = NdjsonAlertHistory.in(dir);
        AlertHistoryWriter w = AlertHistoryWriter.start(store);
        for (int i = 0; i < 50; i++) {
            w.record(NdjsonAlertHistoryTest.firing(1000 + i, "a-" + i, "sn01/gpu1"));
        }
        w.close();
        w.record(NdjsonAlertHistoryTest.firing(5000, "late", "sn01/gpu1"));
        assertThat(w.written()).isEqualTo(50);
        assertThat(w.dropped()).isEqualTo(1);
        assertThat(store.query(new AlertHistoryQuery(0, Long.MAX_VALUE, Optional.empty(), 100))).hasSize(50);
    }
}
