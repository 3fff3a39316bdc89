package dev.supernodetwin.ingest.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        assertThat(backoff.delay(1, 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, 1.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.delay(3, 1.0)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.delay(7, 1.0)).isEqualTo(Duration.ofMillis(30_000));
        assertThat(backoff.delay(1_000, 1.0)).isEqualTo(Duration.ofMillis(30_000));
    }

    @Test
    void jitterTakesUpToHalfOfEachStepOff() {
        assertThat(backoff.delay(1, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofMillis(1500));
        assertThat(backoff.delay(1_000, 0.0)).isEqualTo(Duration.ofMillis(15_000));
    }

    @Test
    void refusesAMaximumBelowTheInitialWait() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("0 < initial <= max");
    }
}
