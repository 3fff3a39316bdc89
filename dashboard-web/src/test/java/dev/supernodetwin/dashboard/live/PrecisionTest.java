package dev.supernodetwin.dashboard.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrecisionTest {
    private static String written(Precision p, double v) {
        StringBuilder out = new StringBuilder();
        p.write(out, p.round(v));
        return out.toString();
    }

    @Test
    void roundsToWhatAPageShowsAndWritesItShort() {
        assertThat(written(Precision.TENTH, 61.24)).isEqualTo("61.2");
        assertThat(written(Precision.TENTH, 61.25)).isEqualTo("61.3");
        assertThat(written(Precision.TENTH, 60.96)).isEqualTo("61");
        assertThat(written(Precision.TENTH, -0.04)).isEqualTo("0");
        assertThat(written(Precision.TENTH, -3.45)).isEqualTo("-3.4");
        assertThat(written(Precision.HUNDREDTH, -4.104)).isEqualTo("-4.1");
        assertThat(written(Precision.HUNDREDTH, -4.016)).isEqualTo("-4.02");
        assertThat(written(Precision.HUNDREDTH, 0.005)).isEqualTo("0.01");
        assertThat(written(Precision.WHOLE, 1410.4)).isEqualTo("1410");
        assertThat(written(Precision.TENTH, Double.NaN)).isEqualTo("null");
    }

    @Test
    void writesBitErrorRatiosWithThreeSignificantDigits() {
        assertThat(written(Precision.SIG3, 1.23456e-5)).isEqualTo("1.23e-5");
        assertThat(written(Precision.SIG3, 2.4e-4)).isEqualTo("2.4e-4");
        assertThat(written(Precision.SIG3, 9.996e-7)).isEqualTo("1e-6");
        assertThat(written(Precision.SIG3, 1e-12)).isEqualTo("1e-12");
        assertThat(written(Precision.SIG3, 0.5)).isEqualTo("5e-1");
        assertThat(written(Precision.SIG3, 0)).isEqualTo("0");
        assertThat(written(Precision.SIG3, 3.05e-9)).isEqualTo("3.05e-9");
    }

    @Test
    void noiseBelowTheDisplayedDigitRoundsToTheSameValue() {
        assertThat(Precision.TENTH.round(61.21)).isEqualTo(Precision.TENTH.round(61.24));
        assertThat(Precision.HUNDREDTH.round(-4.101)).isEqualTo(Precision.HUNDREDTH.round(-4.1049));
        assertThat(Precision.SIG3.round(1.2301e-5)).isEqualTo(Precision.SIG3.round(1.2349e-5));
        assertThat(Precision.SIG3.round(1.2301e-5)).isNotEqualTo(Precision.SIG3.round(1.2351e-5));
    }

    @Test
    void roundingIsStableSoWritingARoundedValueGivesTheSameText() {
        for (double v = -50; v < 120; v += 0.0137) {
            double once = Precision.TENTH.round(v);
            assertThat(Precision.TENTH.round(once)).isEqualTo(once);
        }
        for (double v = 1e-13; v < 1; v *= 1.37) {
            double once = Precision.SIG3.round(v);
            assertThat(Precision.SIG3.round(once)).isEqualTo(once);
        }
    }
}
