package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import org.junit.jupiter.api.Test;

import static dev.supernodetwin.core.diagnose.DetectionRig.FOREVER;
import static dev.supernodetwin.core.diagnose.DetectionRig.WARM_UP;
import static dev.supernodetwin.core.metric.Metric.BIAS_MA;
import static dev.supernodetwin.core.metric.Metric.LASER_AGE_PCT;
import static dev.supernodetwin.core.metric.Metric.TEC_CURRENT_PCT;
import static org.assertj.core.api.Assertions.assertThat;

/** Laser wear-out (domain F2): bias rising at constant output, predicted before the laser fails. */
class LaserAgeingPredictionTest {
    private static final long PERIOD_MS = 10_000;
    /** Two hours of life at a 10 s period: the bias rises by the +20 % end-of-life margin over it. */
    private static final int LIFE_TICKS = 720;
    private static final int ONSET = WARM_UP;
    private static final int THREE_QUARTERS = ONSET + LIFE_TICKS * 3 / 4;

    private final DetectionRig rig = new DetectionRig(PERIOD_MS, 53);

    @Test
    void predictsTheEndOfLifeOfALaserWhoseBiasRisesAtConstantOutput() {
        age("lp/els1#0");

        rig.runTo(THREE_QUARTERS);

        AlertEvent alert = rig.onlyAlert();
        AlertEvent first = rig.alerts().get(0);
        assertThat(first.kind()).as(rig.describe()).isEqualTo(Kind.PREDICTION);
        assertThat(first.category()).isEqualTo(Category.OPTICAL);
        assertThat(first.rule()).isEqualTo("optical.laser");
        assertThat(first.rootCause().device()).isEqualTo("lp/els1");
        assertThat(first.rootCause().lane()).hasValue(0);
        assertThat(first.ts()).isLessThan(rig.time(THREE_QUARTERS));
        long endOfLife = rig.time(ONSET + LIFE_TICKS);
        long tolerance = LIFE_TICKS * PERIOD_MS / 4;
        assertThat(first.eta()).isPresent();
        assertThat(first.eta().getAsLong()).as(rig.describe()).isBetween(endOfLife - tolerance, endOfLife + tolerance);
        assertThat(alert.kind()).isEqualTo(Kind.PREDICTION);
        assertThat(alert.eta().getAsLong()).isBetween(endOfLife - tolerance, endOfLife + tolerance);
    }

    @Test
    void explainsTheEndOfLifePredictionByTheRisingBias() {
        age("lp/els1#0");

        rig.runTo(THREE_QUARTERS);

        assertThat(rig.alerts().get(0).rootCause().reason()).as(rig.describe()).contains("ageing")
                .doesNotContain("coupling");
    }

    @Test
    void sendsTheWornOutLaserAlertOnceItPassesItsEndOfLife() {
        age("lp/els1#0");

        rig.runTo(ONSET + LIFE_TICKS + 60);

        assertThat(rig.resendsWithoutNews()).as(rig.describe()).isEmpty();
    }

    /**
     * The laser's bias rises linearly by +20 % over {@link #LIFE_TICKS} from {@link #ONSET}. Under
     * automatic power control its output holds; its VDM age and TEC effort go up.
     */
    private void age(String laser) {
        rig.change(laser, BIAS_MA, ONSET, FOREVER, (t, v) -> v * (1 + 0.20 * aged(t)));
        rig.change(laser, LASER_AGE_PCT, ONSET, FOREVER, (t, v) -> v + (100 - v) * aged(t));
        rig.change(laser, TEC_CURRENT_PCT, ONSET, FOREVER, (t, v) -> v + 10 * aged(t));
    }

    /** Share of the life used at {@code tick}. */
    private static double aged(int tick) {
        return Math.max(0, (double) (tick - ONSET) / LIFE_TICKS);
    }
}
