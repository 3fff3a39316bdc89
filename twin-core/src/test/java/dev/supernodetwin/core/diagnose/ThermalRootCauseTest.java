package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.fixtures.LoopTopology;
import org.junit.jupiter.api.Test;

import static dev.supernodetwin.core.diagnose.DetectionRig.FOREVER;
import static dev.supernodetwin.core.diagnose.DetectionRig.WARM_UP;
import static dev.supernodetwin.core.metric.Metric.FLOW_LPM;
import static dev.supernodetwin.core.metric.Metric.HBM_TEMP_C;
import static dev.supernodetwin.core.metric.Metric.RETURN_C;
import static dev.supernodetwin.core.metric.Metric.STATE;
import static dev.supernodetwin.core.metric.Metric.TEMP_C;
import static org.assertj.core.api.Assertions.assertThat;

/** Heat and coolant faults localised over the cooling loop (domain F9–F11 and §7.1). */
class ThermalRootCauseTest {
    private static final int ONSET = WARM_UP;

    private final DetectionRig rig = new DetectionRig(1_000, 23);

    @Test
    void blamesTheColdPlateWhoseFlowFellWhileItsGpuWarmsApartFromItsPeers() {
        restrictThePlateOfGpu2();

        rig.runTo(ONSET + 180);

        AlertEvent alert = rig.onlyAnomaly("lp/cp/gpu2", Category.THERMAL, "thermal.cold_plate");
        assertThat(alert.affected()).contains("lp/cp/gpu2");
        rig.assertReportedWithin(ONSET, 2);
    }

    @Test
    void listsTheWarmGpuInTheFiringColdPlateAlert() {
        restrictThePlateOfGpu2();

        rig.runTo(ONSET + 180);

        assertThat(rig.onlyAlert().affected()).as(rig.describe()).contains("lp/cp/gpu2", "lp/gpu2");
    }

    @Test
    void blamesTheColdPlateWhenItsGpuWarmsApartFromItsPeersAtNormalFlow() {
        // Thermal interface material degrading: the plate's flow reads normal, its GPU runs hot.
        warm("lp/gpu1", ONSET, 10, 30);

        rig.runTo(ONSET + 180);

        AlertEvent alert = rig.onlyAnomaly("lp/cp/gpu1", Category.THERMAL, "thermal.cold_plate");
        assertThat(alert.affected()).contains("lp/gpu1");
        rig.assertReportedWithin(ONSET, 60);
    }

    @Test
    void raisesOneAlertOnTheCduWhenItsFlowFailsAndEveryGpuOnTheLoopHeats() {
        rig.change("lp/cdu1", FLOW_LPM, ONSET, FOREVER, (t, v) -> v * 0.1);
        for (String plate : plates()) {
            rig.change(plate, FLOW_LPM, ONSET, FOREVER, (t, v) -> v * 0.1);
        }
        // Towards the 89 °C slowdown within three minutes (F10), the return water with them.
        rig.change("lp/cdu1", RETURN_C, ONSET, FOREVER, (t, v) -> v + 20 * rise(t, ONSET, 60));
        for (int g = 0; g < LoopTopology.GPUS; g++) {
            warm("lp/gpu" + g, ONSET, 27, 60);
        }

        rig.runTo(ONSET + 240);

        AlertEvent alert = rig.onlyAnomaly("lp/cdu1", Category.COOLING, "cooling.cdu");
        assertThat(alert.affected()).contains("lp/cdu1", "lp/gpu0", "lp/gpu1", "lp/gpu2", "lp/gpu3");
        rig.assertReportedWithin(ONSET, 2);
    }

    @Test
    void raisesALeakAlertWhenTheLeakSensorReportsLiquid() {
        rig.hold("lp/leak", STATE, ONSET, FOREVER, 1);

        rig.runTo(ONSET + 30);

        AlertEvent alert = rig.onlyAnomaly("lp/leak", Category.COOLING, "cooling.leak");
        assertThat(alert.affected()).contains("lp/leak");
        rig.assertReportedWithin(ONSET, 2);
    }

    @Test
    void keepsOneAlertOnTheLeakSensorWhenTheLoopLosesFlowThroughTheLeak() {
        rig.hold("lp/leak", STATE, ONSET, FOREVER, 1);
        // The loop drains: flow falls to 60 % over 30 s, on the CDU and on every plate.
        rig.change("lp/cdu1", FLOW_LPM, ONSET + 5, FOREVER, (t, v) -> v * draining(t));
        for (String plate : plates()) {
            rig.change(plate, FLOW_LPM, ONSET + 5, FOREVER, (t, v) -> v * draining(t));
        }

        rig.runTo(ONSET + 120);

        AlertEvent alert = rig.onlyAnomaly("lp/leak", Category.COOLING, "cooling.leak");
        assertThat(alert.affected()).contains("lp/leak", "lp/cdu1");
        rig.assertReportedWithin(ONSET, 2);
    }

    /** Flow restriction (F9): the plate's flow halves and its GPU settles 10 K warmer with τ = 30 s. */
    private void restrictThePlateOfGpu2() {
        rig.change("lp/cp/gpu2", FLOW_LPM, ONSET, FOREVER, (t, v) -> v * 0.5);
        warm("lp/gpu2", ONSET, 10, 30);
    }

    /** A chip and its HBM warming by {@code kelvin} with time constant {@code tau} seconds from {@code from}. */
    private void warm(String gpu, int from, double kelvin, double tau) {
        rig.change(gpu, TEMP_C, from, FOREVER, (t, v) -> v + kelvin * rise(t, from, tau));
        rig.change(gpu, HBM_TEMP_C, from, FOREVER, (t, v) -> v + kelvin * rise(t, from, tau));
    }

    /** A first-order step response, 0 at {@code from}, towards 1. */
    private double rise(int tick, int from, double tau) {
        return 1 - Math.exp(-(tick - from) * rig.periodMs / 1000.0 / tau);
    }

    private static double draining(int tick) {
        return 1 - 0.4 * Math.min(1, (tick - ONSET - 5) / 30.0);
    }

    private static String[] plates() {
        String[] out = new String[LoopTopology.GPUS + 1];
        for (int g = 0; g < LoopTopology.GPUS; g++) {
            out[g] = "lp/cp/gpu" + g;
        }
        out[LoopTopology.GPUS] = "lp/cp/sw";
        return out;
    }
}
