package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.supernodetwin.core.diagnose.DetectionRig.DARK_DBM;
import static dev.supernodetwin.core.diagnose.DetectionRig.FOREVER;
import static dev.supernodetwin.core.diagnose.DetectionRig.WARM_UP;
import static dev.supernodetwin.core.metric.Metric.BIAS_MA;
import static dev.supernodetwin.core.metric.Metric.LASER_IN_DBM;
import static dev.supernodetwin.core.metric.Metric.OUT_DBM;
import static dev.supernodetwin.core.metric.Metric.RX_DBM;
import static dev.supernodetwin.core.metric.Metric.TX_DBM;
import static org.assertj.core.api.Assertions.assertThat;

/** Optical faults localised along the light's path (domain F3–F7, F15 and §7.1). */
class OpticalRootCauseTest {
    private static final int ONSET = WARM_UP;

    private final DetectionRig rig = new DetectionRig(1_000, 11);

    @Test
    void blamesTheLaserForCouplingLossWhenTheLanesItLightsGoDimButItsOwnReadingsHold() {
        List<String> symptoms = dimLaunch(rig.litBy("lp/els0#1"), 2.0);

        rig.runTo(ONSET + 30);

        assertLaserBlamed("lp/els0#1", "coupling", symptoms);
    }

    @Test
    void blamesTheLaserForLowOutputWhenItsOwnOutputFallsWithTheLanesItLights() {
        List<String> symptoms = dimLaunch(rig.litBy("lp/els1#2"), 2.0);
        rig.shift("lp/els1#2", OUT_DBM, ONSET, -2.0);

        rig.runTo(ONSET + 30);

        assertLaserBlamed("lp/els1#2", "output down", symptoms);
    }

    @Test
    void blamesALaserThatDiesBeforeAnyBaselineIsLearned() {
        int early = 3;
        String laser = "lp/els1#2";
        rig.hold(laser, OUT_DBM, early, FOREVER, DARK_DBM).hold(laser, BIAS_MA, early, FOREVER, 0);
        List<String> lit = rig.litBy(laser);
        for (String lane : lit) {
            rig.hold(lane, LASER_IN_DBM, early, FOREVER, DARK_DBM).hold(lane, TX_DBM, early, FOREVER, DARK_DBM);
            rig.darkReceiver(rig.farEnd(lane), early, FOREVER);
        }

        rig.runTo(WARM_UP + 30);

        AlertEvent alert = rig.onlyAnomaly(laser, Category.OPTICAL, "optical.laser");
        assertThat(alert.rootCause().reason()).contains("emits no light");
        assertThat(alert.affected()).containsAll(rig.withFarEnds(lit));
        rig.assertReportedWithin(early, 2);
    }

    @Test
    void blamesTheLaserSourceOnceWhenEveryLaserOfItDies() {
        List<String> lit = new ArrayList<>();
        for (int laser = 0; laser < 4; laser++) {
            String name = "lp/els0#" + laser;
            rig.hold(name, OUT_DBM, ONSET, FOREVER, DARK_DBM).hold(name, BIAS_MA, ONSET, FOREVER, 0);
            lit.addAll(rig.litBy(name));
        }
        for (String lane : lit) {
            rig.hold(lane, LASER_IN_DBM, ONSET, FOREVER, DARK_DBM).hold(lane, TX_DBM, ONSET, FOREVER, DARK_DBM);
            rig.darkReceiver(rig.farEnd(lane), ONSET, FOREVER);
        }

        rig.runTo(ONSET + 30);

        AlertEvent alert = rig.onlyAnomaly("lp/els0", Category.OPTICAL, "optical.laser_source");
        assertThat(alert.affected()).containsAll(rig.withFarEnds(lit));
        rig.assertReportedWithin(ONSET, 2);
    }

    @Test
    void blamesTheEngineWhenAllItsLanesLaunchLowAcrossLasersThatReadNormal() {
        for (String lane : rig.lanesOf("lp/gpu2/oe0")) {
            rig.shift(lane, TX_DBM, ONSET, -2.0).shift(rig.farEnd(lane), RX_DBM, ONSET, -2.0);
        }

        rig.runTo(ONSET + 30);

        AlertEvent alert = rig.onlyAnomaly("lp/gpu2/oe0", Category.OPTICAL, "optical.engine");
        assertThat(alert.affected()).containsAll(rig.withFarEnds(rig.lanesOf("lp/gpu2/oe0")));
        rig.assertReportedWithin(ONSET, 2);
    }

    @Test
    void blamesTheOcsPortWhoseInsertionLossRoseAndNotTheLaneBehindIt() {
        String port = raiseInsertionLossOfPort22();

        rig.runTo(ONSET + 30);

        AlertEvent alert = rig.onlyAnomaly("lp/ocs1#22", Category.OPTICAL, "optical.ocs_port");
        assertThat(alert.affected()).contains(port);
        rig.assertReportedWithin(ONSET, 2);
    }

    @Test
    void listsTheLaneBehindTheOcsPortInTheFiringAlert() {
        raiseInsertionLossOfPort22();

        rig.runTo(ONSET + 30);

        assertThat(rig.onlyAlert().affected()).as(rig.describe()).contains("lp/ocs1#22", "lp/sw/oe1#3");
    }

    @Test
    void blamesTheLaneWhenOnlyItsReceivedPowerSteps() {
        rig.shift("lp/sw/oe3#6", RX_DBM, ONSET, -1.5);

        rig.runTo(ONSET + 30);

        AlertEvent alert = rig.onlyAnomaly("lp/sw/oe3#6", Category.OPTICAL, "optical.lane");
        assertThat(alert.affected()).contains("lp/sw/oe3#6");
        rig.assertReportedWithin(ONSET, 2);
    }

    @Test
    void blamesOnlyTheLaserForCouplingLossWhenTheFarEndCrossesItsWarningASampleEarlier() {
        // Receivers at the simulator's level, 5.7 dB lower: a 0.7 dBm launch less fibre and two 2.7 dB
        // cross-connects. A 2 dB loss then crosses the −5.9 dBm rx warning at once.
        for (String engine : List.of("lp/sw/oe0", "lp/gpu0/oe0")) {
            for (String lane : rig.lanesOf(engine)) {
                rig.shift(lane, RX_DBM, 0, -5.7);
            }
        }
        List<String> symptoms = dimLaunch(rig.litBy("lp/els0#1"), 2.0);

        rig.runTo(ONSET + 30);

        assertLaserBlamed("lp/els0#1", "coupling", symptoms);
    }

    /** One alert, on the laser, for the reason given, listing the symptoms, within two samples. */
    private void assertLaserBlamed(String laser, String reason, List<String> symptoms) {
        AlertEvent alert = rig.onlyAnomaly(laser, Category.OPTICAL, "optical.laser");
        assertThat(alert.rootCause().reason()).contains(reason);
        assertThat(alert.affected()).containsAll(symptoms);
        rig.assertReportedWithin(ONSET, 2);
    }

    /** Port 2k carries GPU 1 lane 3 (k = 11) towards switch engine 1 lane 3: its loss rises by 2 dB. */
    private String raiseInsertionLossOfPort22() {
        rig.shift("lp/ocs1#22", OUT_DBM, ONSET, -2.0).shift("lp/sw/oe1#3", RX_DBM, ONSET, -2.0);
        return "lp/ocs1#22";
    }

    /** Laser input and launch power down by {@code db} on each lane, received power down at its far end. */
    private List<String> dimLaunch(List<String> lanes, double db) {
        for (String lane : lanes) {
            rig.shift(lane, LASER_IN_DBM, ONSET, -db).shift(lane, TX_DBM, ONSET, -db)
                    .shift(rig.farEnd(lane), RX_DBM, ONSET, -db);
        }
        return rig.withFarEnds(lanes);
    }
}
