package dev.supernodetwin.core.detect;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EwmaZScoreTest {
    private static final double SIGMA = 0.5;

    /** A GPU temperature around 70 °C with uniform noise of standard deviation {@link #SIGMA}. */
    private static double[] noisyTrace(int n, long seed) {
        Random r = new Random(seed);
        double[] trace = new double[n];
        double halfWidth = SIGMA * Math.sqrt(3);
        for (int i = 0; i < n; i++) {
            trace[i] = 70 + (r.nextDouble() * 2 - 1) * halfWidth;
        }
        return trace;
    }

    @Test
    void ignoresNoiseButFlagsAFiveSigmaSpike() {
        EwmaZScore ewma = new EwmaZScore(EwmaSpec.defaults(0.05), 1);
        int flags = 0;
        for (double v : noisyTrace(300, 7)) {
            flags += ewma.update(0, v) ? 1 : 0;
        }
        assertThat(flags).isZero();
        assertThat(ewma.update(0, 70 + 5 * SIGMA)).isTrue();
        assertThat(ewma.lastZ()).isGreaterThan(3);
    }

    @Test
    void flagsAFiveSigmaSpikeWithTheDefaultLambda() {
        EwmaZScore ewma = new EwmaZScore(EwmaSpec.defaults(0.05), 1);
        double[] trace = noisyTrace(100, 11);
        for (double v : trace) {
            ewma.update(0, v);
        }
        assertThat(ewma.update(0, ewma.mean(0) + 5 * ewma.sigma(0))).isTrue();
    }

    @Test
    void doesNotFlagQuantisationStepsOnAFlatSignal() {
        EwmaZScore ewma = new EwmaZScore(EwmaSpec.defaults(0.5), 1);
        for (int i = 0; i < 100; i++) {
            assertThat(ewma.update(0, 45.0)).isFalse();
        }
        // One quantisation step of a 1 °C sensor: 2σ of the floor, not an anomaly.
        assertThat(ewma.update(0, 46.0)).isFalse();
    }

    @Test
    void flagsNothingDuringWarmUp() {
        EwmaZScore ewma = new EwmaZScore(new EwmaSpec(0.2, 3, 10, 0.01), 1);
        ewma.update(0, 1);
        for (int i = 0; i < 8; i++) {
            assertThat(ewma.update(0, i % 2 == 0 ? 100 : 1)).isFalse();
        }
    }

    @Test
    void keepsSensorsApart() {
        EwmaZScore ewma = new EwmaZScore(EwmaSpec.defaults(0.01), 2);
        for (int i = 0; i < 50; i++) {
            ewma.update(0, 10);
            ewma.update(1, 20);
        }
        assertThat(ewma.mean(0)).isEqualTo(10.0);
        assertThat(ewma.mean(1)).isEqualTo(20.0);
        assertThat(ewma.update(1, 25)).isTrue();
        assertThat(ewma.flagged(0)).isFalse();
    }

    @Test
    void listsEveryProblemOfASpec() {
        assertThat(new EwmaSpec(1.5, -1, 0, 0).problems()).hasSize(4);
        assertThat(new EwmaSpec(1.0, 3, 1, 0.1).problems()).isEmpty();
    }
}
