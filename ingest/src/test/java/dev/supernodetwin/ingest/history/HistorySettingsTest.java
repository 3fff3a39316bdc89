package dev.supernodetwin.ingest.history;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistorySettingsTest {
    private final HistorySettings d = HistorySettings.defaults();

    @Test
    void defaultsAreThoseDocumented() {
        assertThat(d.database()).isEqualTo("twin");
        assertThat(d.retentionPolicy()).isEqualTo("twin");
        assertThat(d.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(d.window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.lateness()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.queueCapacity()).isEqualTo(1_000_000);
        assertThat(d.batchSize()).isEqualTo(5_000);
        assertThat(d.flushInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void namesTheSettingThatIsWrong() {
        assertThatThrownBy(() -> d.withUrl("localhost:8086")).hasMessageStartingWith("history.url");
        assertThatThrownBy(() -> d.withDatabase("a\"b")).hasMessageStartingWith("history.database");
        assertThatThrownBy(() -> new HistorySettings(d.url(), "db", "rp", Duration.ofMinutes(5), d.window(),
                d.lateness(), 10, 10, d.flushInterval())).hasMessageStartingWith("history.retention");
        assertThatThrownBy(() -> new HistorySettings(d.url(), "db", "rp", d.retention(), Duration.ofMillis(1500),
                Duration.ZERO, 10, 10, d.flushInterval())).hasMessageStartingWith("history.window");
        assertThatThrownBy(() -> new HistorySettings(d.url(), "db", "rp", d.retention(), d.window(),
                Duration.ofSeconds(10), 10, 10, d.flushInterval())).hasMessageStartingWith("history.lateness");
        assertThatThrownBy(() -> d.withBuffering(0, 1, Duration.ofSeconds(1)))
                .hasMessageStartingWith("history.queueCapacity");
        assertThatThrownBy(() -> d.withBuffering(10, 11, Duration.ofSeconds(1)))
                .hasMessageStartingWith("history.batchSize");
        assertThatThrownBy(() -> d.withBuffering(10, 10, Duration.ZERO))
                .hasMessageStartingWith("history.flushInterval");
    }
}
