package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static dev.supernodetwin.core.diagnose.DetectionRig.DARK_DBM;
import static dev.supernodetwin.core.diagnose.DetectionRig.FOREVER;
import static dev.supernodetwin.core.diagnose.DetectionRig.WARM_UP;
import static dev.supernodetwin.core.metric.Metric.OUT_DBM;
import static dev.supernodetwin.core.metric.Metric.RX_DBM;
import static dev.supernodetwin.core.metric.Metric.SWITCHING;
import static dev.supernodetwin.core.metric.Metric.TEMP_C;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must not raise a hardware alert: planned switching, glitches, sensor faults and the loop's
 * slow drift (domain F8, F17, F19).
 */
class FalseAlarmTest {
    private static final int AT = WARM_UP;

    private final DetectionRig rig = new DetectionRig(1_000, 31);

    @Test
    void staysQuietWhileAnOcsCrossConnectSwitchesAndItsLinkIsDarkForOneSample() {
        // GPU 0 lane 5 ↔ switch engine 0 lane 5 passes ports 10 and 11; the whole cross-connect moves.
        for (String port : new String[] {"lp/ocs1#10", "lp/ocs1#11"}) {
            rig.hold(port, SWITCHING, AT, AT + 1, 1).hold(port, OUT_DBM, AT, AT + 1, DARK_DBM);
        }
        for (String lane : new String[] {"lp/gpu0/oe0#5", "lp/sw/oe0#5"}) {
            rig.darkReceiver(lane, AT, AT + 1);
        }

        rig.runTo(AT + 120);

        assertThat(rig.events()).as(rig.describe()).isEmpty();
    }

    @Test
    void forgivesAReceivedPowerGlitchOfOneSample() {
        // 8 dB down for one reading: past the −5.9 dBm warning, not past −20 dBm (no light).
        rig.change("lp/sw/oe2#4", RX_DBM, AT, AT + 1, (t, v) -> v - 8);

        rig.runTo(AT + 120);

        assertThat(rig.events()).as(rig.describe()).isEmpty();
    }

    @Test
    void blamesTheSensorWhenAReceiverReadsNoLightOnALinkThatIsUp() {
        rig.hold("lp/sw/oe1#6", RX_DBM, AT, FOREVER, DARK_DBM);

        rig.runTo(AT + 60);

        AlertEvent alert = rig.onlyAnomaly("lp/sw/oe1", Category.SENSOR, "sensor.implausible");
        assertThat(alert.affected()).containsExactly("lp/sw/oe1#6");
        rig.assertReportedWithin(AT, 2);
    }

    @Test
    void blamesTheSensorWhenItStopsReportingWhileItsDeviceStillReports() {
        rig.change("lp/gpu3", TEMP_C, AT, FOREVER, (t, v) -> Double.NaN);

        rig.runTo(AT + 60);

        AlertEvent alert = rig.onlyAnomaly("lp/gpu3", Category.SENSOR, "sensor.stale");
        assertThat(alert.affected()).containsExactly("lp/gpu3");
        // Stale after 5 s without a reading (StalenessPolicy.DEFAULT), found by the next scan (every 5 s).
        assertThat(rig.firstReported()).isBetween(rig.time(AT + 5), rig.time(AT + 12));
    }

    @Test
    void staysQuietWhileTheSupplyTemperatureDriftsAndEveryTemperatureOnTheLoopFollows() {
        // ±2 K over a 30-minute period, for an hour: chips, water and ring heaters all move with it. The
        // swing is centred 0.5 K under the healthy supply so that it stays inside the W32 class: a
        // supply above 32 °C is a real alarm (C-1), not drift.
        Set<Metric> temperatures = EnumSet.of(Metric.SUPPLY_C, Metric.RETURN_C, Metric.INLET_C, Metric.OUTLET_C,
                Metric.TEMP_C, Metric.HBM_TEMP_C);
        for (Device d : rig.topo.devices()) {
            if (rig.topo.loopOf(d.index()).isEmpty() && d.kind() != DeviceKind.CDU) {
                continue;
            }
            for (Metric m : d.kind().deviceMetrics()) {
                if (temperatures.contains(m)) {
                    rig.change(d.id().value(), m, 0, FOREVER, (t, v) -> v + drift(t));
                }
            }
            for (int lane = 0; lane < d.laneCount() && d.kind() == DeviceKind.OE; lane++) {
                rig.change(d.id().value() + "#" + lane, Metric.MRM_HEATER_MW, 0, FOREVER,
                        (t, v) -> v - 0.57 * drift(t));
            }
        }

        rig.runTo(3_660);

        assertThat(rig.events()).as(rig.describe()).isEmpty();
    }

    private static double drift(int tick) {
        return 2 * Math.sin(2 * Math.PI * tick / 1_800.0) - 0.5;
    }
}
