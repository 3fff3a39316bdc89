package dev.supernodetwin.ingest.alerthistory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonAlertHistoryTest {
    private static final long T0 = 1_700_000_000_000L;

    static AlertHistoryEntry firing(long ts, String id, String rootCause) {
        String device = rootCause.contains("#") ? rootCause.substring(0, rootCause.indexOf('#')) : rootCause;
        return new AlertHistoryEntry(ts, "firing", id, "sn01", "anomaly", "alarm", "optical", "optical.rx_power.low",
                rootCause, device, "rx low", "laser dark", 4, OptionalLong.empty(), "", "");
    }

    private static AlertHistoryQuery all(int limit) {
        return new AlertHistoryQuery(0, Long.MAX_VALUE, Optional.empty(), limit);
    }

    @Test
    void readsBackWhatItWroteNewestFirstWithinTheWindowAndDevice(@TempDir Path dir) {
        NdjsonAlertHistory h = NdjsonAlertHistory.in(dir);
        AlertHistoryEntry prediction = new AlertHistoryEntry(T0 + 2, "firing", "p-1", "sn01", "prediction", "warning",
                "thermal", "thermal.gpu.trend", "sn01/gpu1", "sn01/gpu1", "hot soon", "trend", 1,
                OptionalLong.of(T0 + 99), "", "");
        h.append(List.of(firing(T0, "a-1", "sn01/els0#1"), firing(T0 + 1, "a-2", "sn01/gpu2"), prediction,
                AlertHistoryEntry.ack(T0 + 3, "sn01", "a-1", "sn01/els0", "ann")));
        assertThat(h.query(all(10))).extracting(AlertHistoryEntry::id).containsExactly("a-1", "p-1", "a-2", "a-1");
        assertThat(h.query(all(10)).get(1)).isEqualTo(prediction);
        assertThat(h.query(new AlertHistoryQuery(T0 + 1, T0 + 2, Optional.empty(), 10)))
                .extracting(AlertHistoryEntry::id).containsExactly("p-1", "a-2");
        assertThat(h.query(new AlertHistoryQuery(0, Long.MAX_VALUE, Optional.of("sn01/els0"), 10)))
                .extracting(AlertHistoryEntry::state).containsExactly("acknowledged", "firing");
        assertThat(h.query(all(2))).extracting(AlertHistoryEntry::ts).containsExactly(T0 + 3, T0 + 2);
    }

    @Test
    void rotatesAtTheSizeLimitAndKeepsOnlyTheConfiguredFiles(@TempDir Path dir) throws Exception {
        int lineBytes = (AlertHistoryJson.write(firing(T0, "a-00", "sn01/gpu1")) + "\n").length();
        NdjsonAlertHistory h = new NdjsonAlertHistory(dir, lineBytes * 2L, 3);
        for (int i = 0; i < 10; i++) {
            h.append(List.of(firing(T0 + i, String.format("a-%02d", i), "sn01/gpu1")));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("alert-history.ndjson", "alert-history.ndjson.1", "alert-history.ndjson.2");
        }
        assertThat(Files.size(dir.resolve("alert-history.ndjson"))).isLessThanOrEqualTo(lineBytes * 2L);
        // 3 files of 2 lines: the 6 newest survive, the 4 oldest were rotated away
        assertThat(h.query(all(100))).extracting(AlertHistoryEntry::id)
                .containsExactly("a-09", "a-08", "a-07", "a-06", "a-05", "a-04");
    }

    @Test
    void skipsCorruptLinesAndCountsThem(@TempDir Path dir) throws Exception {
        NdjsonAlertHistory h = NdjsonAlertHistory.in(dir);
        h.append(List.of(firing(T0, "a-1", "sn01/gpu1")));
        Files.writeString(dir.resolve(NdjsonAlertHistory.FILE), "{not json\n[1,2]\n{\"ts\":\"x\"}\n"
                        + "{\"ts\":5,\"state\":\"exploded\"}\n{\"ts\":7,\"sta",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(h.query(all(10))).extracting(AlertHistoryEntry::id).containsExactly("a-1");
        assertThat(h.skippedLines()).isEqualTo(5);
        h.append(List.of(firing(T0 + 1, "a-2", "sn01/gpu1")));
        // the torn last line swallows the next append's line start, but later lines read again
        h.append(List.of(firing(T0 + 2, "a-3", "sn01/gpu1")));
        assertThat(h.query(all(10))).extracting(AlertHistoryEntry::id).contains("a-1", "a-3");
    }

    @Test
    void anEmptyDirectoryHasNoHistory(@TempDir Path dir) {
        assertThat(NdjsonAlertHistory.in(dir.resolve("missing")).query(all(5))).isEmpty();
    }
}
