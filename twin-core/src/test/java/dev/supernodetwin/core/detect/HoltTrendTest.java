package dev.supernodetwin.core.detect;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HoltTrendTest {
    private static final long T0 = 1_763_924_400_000L;
    private static final long MINUTE = 60_000;

    @Test
    void predictsWhenALinearRampCrossesItsThreshold() {
        // Tx bias creeping from 80 mA by 0.05 mA per minute, polled at irregular intervals.
        HoltTrend holt = new HoltTrend(HoltSpec.defaults(110, 14 * 86_400_000L), 1);
        Random jitter = new Random(3);
        long t = T0;
        double bias = 80;
        for (int i = 0; i < 200; i++) {
            t += MINUTE / 2 + jitter.nextInt((int) MINUTE);
            bias = 80 + 0.05 * (t - T0) / MINUTE;
            holt.update(0, t, bias);
        }
        double expected = (110 - bias) / 0.05 * MINUTE;
        assertThat(holt.timeToThreshold(0, 110)).isCloseTo(expected, within(expected * 0.03));
        assertThat(holt.confidence(0)).isGreaterThan(0.9);
    }

    @Test
    void predictsThroughNoiseWithLowerConfidence() {
        HoltTrend holt = new HoltTrend(HoltSpec.defaults(110, 14 * 86_400_000L), 2);
        Random noise = new Random(5);
        for (int i = 1; i <= 300; i++) {
            long t = T0 + i * MINUTE;
            holt.update(0, t, 80 + 0.05 * i + noise.nextGaussian() * 0.05);
            holt.update(1, t, 80 + 0.05 * i + noise.nextGaussian() * 1.0);
        }
        double expected = (110 - 95) / 0.05 * MINUTE;
        assertThat(holt.timeToThreshold(0, 110)).isCloseTo(expected, within(expected * 0.05));
        assertThat(holt.confidence(1)).isLessThan(holt.confidence(0));
    }

    @Test
    void predictsNothingForAFlatSignal() {
        HoltTrend holt = new HoltTrend(HoltSpec.defaults(110, 14 * 86_400_000L), 1);
        for (int i = 1; i <= 100; i++) {
            holt.update(0, T0 + i * MINUTE, 70);
        }
        assertThat(holt.timeToThreshold(0, 87)).isNaN();
        assertThat(holt.confidence(0)).isZero();
    }

    @Test
    void predictsNothingForASignalMovingAwayFromTheThreshold() {
        HoltTrend holt = new HoltTrend(HoltSpec.defaults(110, 14 * 86_400_000L), 1);
        for (int i = 1; i <= 100; i++) {
            holt.update(0, T0 + i * MINUTE, 80 - 0.1 * i);
        }
        assertThat(holt.timeToThreshold(0, 87)).isNaN();
        // A falling signal does head for a low threshold.
        assertThat(holt.timeToThreshold(0, 60)).isCloseTo(10 / 0.1 * MINUTE, within(MINUTE * 3.0));
    }

    @Test
    void offersNoForecastBeforeEnoughSamples() {
        HoltTrend holt = new HoltTrend(new HoltSpec(0.5, 0.5, 10, 100, MINUTE), 1);
        for (int i = 1; i <= 9; i++) {
            holt.update(0, T0 + i * MINUTE, i);
        }
        assertThat(holt.timeToThreshold(0, 100)).isNaN();
        holt.update(0, T0 + 10 * MINUTE, 10);
        assertThat(holt.timeToThreshold(0, 100)).isPositive();
    }

    @Test
    void ignoresReadingsOutOfEventTimeOrder() {
        HoltTrend holt = new HoltTrend(HoltSpec.defaults(110, 14 * 86_400_000L), 1);
        holt.update(0, T0 + MINUTE, 10);
        holt.update(0, T0, 1000);
        assertThat(holt.level(0)).isEqualTo(10.0);
    }
}
