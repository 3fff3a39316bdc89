package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.fixtures.LoopTopology;
import org.junit.jupiter.api.Test;

import static dev.supernodetwin.core.diagnose.DetectionRig.FOREVER;
import static dev.supernodetwin.core.diagnose.DetectionRig.WARM_UP;
import static dev.supernodetwin.core.metric.Metric.ESNR_DB;
import static dev.supernodetwin.core.metric.Metric.MRM_DETUNE_PM;
import static dev.supernodetwin.core.metric.Metric.MRM_HEATER_MW;
import static dev.supernodetwin.core.metric.Metric.PRE_FEC_BER;
import static dev.supernodetwin.core.metric.Metric.RX_DBM;
import static dev.supernodetwin.core.metric.Metric.TEMP_C;
import static dev.supernodetwin.core.metric.Metric.TX_DBM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An optical engine's micro-ring hot spot (domain F1): the engine warms at 0.5 K/min from 55 °C to
 * 85 °C while its host GPU stays normal. Its ring heaters back off at 0.57 mW/K and reach nothing at
 * 80 °C; above that the rings detune by 57 pm/K and the BER of every lane the engine sends or receives
 * on rises 0.7 decade per kelvin (the simulator's model). Sampled every 5 s.
 */
class EngineHotSpotTest {
    private static final String ENGINE = "lp/gpu1/oe0";
    /** The switch engine at the other end of every link of {@link #ENGINE}. */
    private static final String FAR_ENGINE = "lp/sw/oe1";
    private static final int ONSET = WARM_UP;
    private static final int END = ONSET + 800;

    private final DetectionRig rig = new DetectionRig(5_000, 29);

    @Test
    void blamesTheEngineRunningHotWhileItsHostIsCoolAndFoldsItsLanesBitErrorsIntoIt() {
        runHot(0);

        rig.runTo(END);

        // One alert: the bit errors on both ends of its links joined it rather than raising their own.
        AlertEvent alert = rig.onlyAnomaly(ENGINE, Category.THERMAL, "thermal.engine");
        assertThat(alert.affected()).contains(ENGINE);
        // It stands out from its peers long before its 75 °C warning (tick ONSET + 480).
        assertThat(rig.firstReported()).isLessThan(rig.time(ONSET + 240));
    }

    @Test
    void sendsTheHotEngineAlertAgainOnlyWhenItHasNews() {
        runHot(0);

        rig.runTo(END);

        assertThat(rig.resendsWithoutNews()).as(rig.describe()).isEmpty();
    }

    @Test
    void blamesOnlyTheEngineWhenItsDetunedRingsAlsoCostLaunchPower() {
        runHot(0.57);

        rig.runTo(END);

        rig.onlyAnomaly(ENGINE, Category.THERMAL, "thermal.engine");
    }

    /**
     * The F1 trace; {@code launchDbPerK} is the launch power the detuned rings cost per kelvin above
     * 80 °C (the simulator's 0.01 dB/pm × 57 pm/K), 0 for a ring whose launch holds.
     */
    private void runHot(double launchDbPerK) {
        rig.change(ENGINE, TEMP_C, ONSET, FOREVER, (t, v) -> v + rise(t));
        for (int i = 0; i < LoopTopology.LANES; i++) {
            String own = ENGINE + "#" + i;
            String far = FAR_ENGINE + "#" + i;
            rig.change(own, MRM_HEATER_MW, ONSET, FOREVER, (t, v) -> Math.max(0, v - 0.57 * rise(t)));
            rig.change(own, MRM_DETUNE_PM, ONSET, FOREVER, (t, v) -> v + 57 * over80(t));
            rig.change(own, TX_DBM, ONSET, FOREVER, (t, v) -> v - launchDbPerK * over80(t));
            rig.change(far, RX_DBM, ONSET, FOREVER, (t, v) -> v - launchDbPerK * over80(t));
            for (String lane : new String[] {own, far}) {
                rig.change(lane, PRE_FEC_BER, ONSET, FOREVER, (t, v) -> v * Math.pow(10, 0.7 * over80(t)));
                rig.change(lane, ESNR_DB, ONSET, FOREVER, (t, v) -> v - 2.2 * 0.7 * over80(t));
            }
        }
    }

    /** Kelvin the engine has warmed by at {@code tick}: 0.5 K/min (1/24 K per 5 s tick), up to 30 K. */
    private static double rise(int tick) {
        return Math.min(30, Math.max(0, (tick - ONSET) / 24.0));
    }

    private static double over80(int tick) {
        return Math.max(0, HealthyPlant.ENGINE_C + rise(tick) - 80);
    }
}
