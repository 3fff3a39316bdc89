package dev.supernodetwin.core.detect;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CusumTest {
    private static final double NOISE_DB = 0.05;

    private final Random noise = new Random(42);

    private double rx(double mean) {
        return mean + noise.nextGaussian() * NOISE_DB;
    }

    @Test
    void catchesAHalfDecibelConnectorLossWithinAFewSamplesAndNotBefore() {
        // 32 lanes of 0.05 dB Gaussian noise around −3 dBm; the connector loses 0.5 dB after 80 samples.
        int lanes = 32;
        Cusum cusum = new Cusum(CusumSpec.defaults(0.01), lanes);
        int falseAlarmLanes = 0;
        for (int lane = 0; lane < lanes; lane++) {
            boolean falseAlarm = false;
            for (int i = 0; i < 80; i++) {
                falseAlarm |= cusum.update(lane, rx(-3.0)) != 0;
            }
            falseAlarmLanes += falseAlarm ? 1 : 0;
            cusum.rebaseline(lane);
            for (int i = 0; i < 30; i++) {
                cusum.update(lane, rx(-3.0));
            }
            int detectedAfter = -1;
            for (int i = 0; i < 10 && detectedAfter < 0; i++) {
                if (cusum.update(lane, rx(-3.5)) == -1) {
                    detectedAfter = i + 1;
                }
            }
            assertThat(detectedAfter).as("lane %d", lane).isBetween(1, 3);
        }
        // k = 0.5σ, h = 5σ has an in-control average run length of ~465 samples (Montgomery): over
        // 50 samples after the warm-up about one lane in ten may see a run of noise that long.
        assertThat(falseAlarmLanes).isLessThanOrEqualTo(lanes / 4);
    }

    @Test
    void catchesAOneSigmaStepThatNoSingleSampleShows() {
        Cusum cusum = new Cusum(CusumSpec.defaults(0.01), 1);
        for (int i = 0; i < 30; i++) {
            cusum.update(0, rx(-3.0));
        }
        int detectedAfter = -1;
        for (int i = 0; i < 60 && detectedAfter < 0; i++) {
            if (cusum.update(0, rx(-3.0 - NOISE_DB)) == -1) {
                detectedAfter = i + 1;
            }
        }
        assertThat(detectedAfter).isBetween(3, 30);
    }

    @Test
    void clearsAndResetsOnceTheSignalIsBackAtBaseline() {
        Cusum cusum = new Cusum(CusumSpec.defaults(0.01), 1);
        for (int i = 0; i < 30; i++) {
            cusum.update(0, rx(-3.0));
        }
        for (int i = 0; i < 5; i++) {
            cusum.update(0, rx(-2.5));
        }
        assertThat(cusum.direction(0)).isEqualTo(1);
        int clearedAfter = -1;
        for (int i = 0; i < 100 && clearedAfter < 0; i++) {
            if (cusum.update(0, rx(-3.0)) == 0) {
                clearedAfter = i + 1;
            }
        }
        assertThat(clearedAfter).isPositive();
        // Reset on clear: the next small step takes the full decision interval again, not one sample.
        assertThat(cusum.update(0, rx(-3.0 + NOISE_DB))).isZero();
    }

    @Test
    void learnsTheBaselineBeforeFlagging() {
        Cusum cusum = new Cusum(new CusumSpec(0.5, 5, 10, 0.01), 1);
        for (int i = 0; i < 10; i++) {
            assertThat(cusum.update(0, i < 5 ? -3 : -10)).isZero();
        }
        assertThat(cusum.ready(0)).isTrue();
        assertThat(cusum.baselineMean(0)).isCloseTo(-6.5, org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void relearnsAfterARebaseline() {
        Cusum cusum = new Cusum(new CusumSpec(0.5, 5, 5, 0.01), 1);
        for (int i = 0; i < 5; i++) {
            cusum.update(0, 1.0);
        }
        cusum.update(0, 2.0);
        assertThat(cusum.update(0, 2.0)).isEqualTo(1);
        cusum.rebaseline(0);
        for (int i = 0; i < 6; i++) {
            assertThat(cusum.update(0, 2.0)).isZero();
        }
    }

    @Test
    void oneWildReadingDoesNotFlagButTwoDo() {
        Cusum cusum = new Cusum(new CusumSpec(0.5, 5, 5, 0.01), 1);
        for (int i = 0; i < 5; i++) {
            cusum.update(0, i % 2 == 0 ? 1.0 : 1.02);
        }
        assertThat(cusum.update(0, -40)).as("a single dark reading is a glitch until repeated").isZero();
        assertThat(cusum.update(0, -40)).isEqualTo(-1);
    }

    @Test
    void clearsSoonAfterALongStepEnds() {
        Cusum cusum = new Cusum(new CusumSpec(0.5, 5, 5, 0.01), 1);
        for (int i = 0; i < 5; i++) {
            cusum.update(0, i % 2 == 0 ? 1.0 : 1.02);
        }
        for (int i = 0; i < 1000; i++) {
            cusum.update(0, 0.0);
        }
        int readings = 0;
        while (cusum.update(0, 1.01) != 0) {
            readings++;
        }
        assertThat(readings).as("sums are capped at 2h, drained by k per reading").isLessThanOrEqualTo(21);
    }
}
