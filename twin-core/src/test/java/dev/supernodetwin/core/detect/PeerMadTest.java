package dev.supernodetwin.core.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerMadTest {
    private static final int[] LANES = {0, 1, 2, 3, 4, 5, 6, 7};
    private static final double[] RX = {-3.02, -2.98, -3.05, -3.00, -2.97, -3.03, -3.01, -2.99};

    private final PeerMad mad = new PeerMad(PeerMadSpec.defaults(0.02), 16);
    private final double[] scores = new double[8];

    @Test
    void flagsOneOutlierLaneAmongEight() {
        double[] rx = RX.clone();
        rx[5] = -4.0;
        assertThat(mad.score(rx, LANES, 8, scores)).isEqualTo(1);
        assertThat(mad.isOutlier(scores[5])).isTrue();
        assertThat(scores[5]).isNegative();
    }

    @Test
    void flagsNoneWhenAllEightShiftTogether() {
        double[] rx = RX.clone();
        for (int i = 0; i < rx.length; i++) {
            rx[i] -= 1.0;
        }
        assertThat(mad.score(rx, LANES, 8, scores)).isZero();
    }

    @Test
    void flagsNothingAmongIdenticalPeersThanksToTheMadFloor() {
        double[] rx = {-3, -3, -3, -3, -3, -3, -3, -3.01};
        assertThat(mad.score(rx, LANES, 8, scores)).isZero();
        assertThat(scores[7]).isFinite();
    }

    @Test
    void readsMembersThroughTheirSensorIndicesAndSkipsMissingReadings() {
        double[] state = new double[20];
        java.util.Arrays.fill(state, Double.NaN);
        int[] gpus = {2, 5, 8, 11, 14, 17};
        double[] temps = {70, 71, 69, 70.5, 82, 70};
        for (int i = 0; i < gpus.length; i++) {
            state[gpus[i]] = temps[i];
        }
        state[11] = Double.NaN;
        double[] out = new double[6];
        assertThat(mad.score(state, gpus, 6, out)).isEqualTo(1);
        assertThat(out[3]).isNaN();
        assertThat(mad.isOutlier(out[4])).isTrue();
    }

    @Test
    void makesNoComparisonWithTooFewPeers() {
        double[] rx = {-3, -3, -9};
        assertThat(mad.score(rx, new int[] {0, 1, 2}, 3, scores)).isZero();
        assertThat(scores[2]).isNaN();
    }
}
