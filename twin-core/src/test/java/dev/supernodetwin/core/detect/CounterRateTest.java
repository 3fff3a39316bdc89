package dev.supernodetwin.core.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CounterRateTest {
    private static final long T0 = 1_763_924_400_000L;

    @Test
    void flagsAnNvlinkReplayAsSoonAsOneIsCounted() {
        CounterRate replay = new CounterRate(CounterRateSpec.increase(1, Severity.ALARM, 0), 1);
        assertThat(replay.update(0, T0, 7)).isZero();
        assertThat(replay.update(0, T0 + 1000, 7)).isZero();
        assertThat(replay.update(0, T0 + 2000, 8)).isEqualTo(Severity.ALARM);
        assertThat(replay.update(0, T0 + 3000, 8)).isZero();
    }

    @Test
    void measuresCrcRatesOnEventTimeAcrossAGap() {
        CounterRate crc = new CounterRate(CounterRateSpec.rate(100, Severity.ALARM), 1);
        crc.update(0, T0, 0);
        assertThat(crc.update(0, T0 + 1000, 150)).isEqualTo(Severity.ALARM);
        assertThat(crc.rate(0)).isCloseTo(150, within(1e-3));
        // 10 s without readings: 500 errors over the gap are 50/s, not 500/s.
        assertThat(crc.update(0, T0 + 11_000, 650)).isZero();
        assertThat(crc.rate(0)).isCloseTo(50, within(1e-3));
    }

    @Test
    void givesNoFalseRateWhenTheCounterResets() {
        CounterRate crc = new CounterRate(CounterRateSpec.rate(100, Severity.ALARM), 1);
        crc.update(0, T0, 1_000_000);
        assertThat(crc.update(0, T0 + 1000, 1_000_010)).isZero();
        assertThat(crc.update(0, T0 + 2000, 0)).isZero();
        assertThat(crc.rate(0)).isZero();
        assertThat(crc.update(0, T0 + 3000, 5)).isZero();
        assertThat(crc.rate(0)).isCloseTo(5, within(1e-3));
    }

    @Test
    void countsWhatTheCounterReachedAfterAReset() {
        CounterRate ferc = new CounterRate(CounterRateSpec.increase(1, Severity.ALARM, 0), 1);
        ferc.update(0, T0, 40);
        assertThat(ferc.update(0, T0 + 1000, 2)).isEqualTo(Severity.ALARM);
    }

    @Test
    void appliesThePcieRuleOverAMinuteWindow() {
        CounterRate pcie = new CounterRate(CounterRateSpec.increase(32, Severity.WARNING, 60_000), 1);
        pcie.update(0, T0, 0);
        double total = 0;
        int level = 0;
        for (int s = 1; s <= 60; s++) {
            total += s % 2 == 0 ? 1 : 0; // 30 per minute: within the rule
            level = pcie.update(0, T0 + s * 1000L, total);
        }
        assertThat(level).isZero();
        assertThat(pcie.rate(0) * 60).isCloseTo(30, within(1e-3));
        for (int s = 61; s <= 120; s++) {
            total += s % 3 == 0 ? 2 : 0; // 40 per minute
            level = pcie.update(0, T0 + s * 1000L, total);
        }
        assertThat(level).isEqualTo(Severity.WARNING);
    }

    @Test
    void reportsTheHigherOfTheIncreaseAndRateLevels() {
        CounterRate crc = new CounterRate(new CounterRateSpec(1, Severity.WARNING, 100, Severity.ALARM, 0), 1);
        crc.update(0, T0, 0);
        assertThat(crc.update(0, T0 + 1000, 3)).isEqualTo(Severity.WARNING);
        assertThat(crc.update(0, T0 + 2000, 300)).isEqualTo(Severity.ALARM);
        assertThat(crc.update(0, T0 + 3000, 300)).isZero();
    }

    @Test
    void ignoresReadingsThatDoNotMoveEventTimeForward() {
        CounterRate crc = new CounterRate(CounterRateSpec.rate(100, Severity.ALARM), 1);
        crc.update(0, T0, 0);
        crc.update(0, T0 + 1000, 10);
        assertThat(crc.update(0, T0 + 1000, 500)).isZero();
        assertThat(crc.rate(0)).isCloseTo(10, within(1e-3));
    }
}
