package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.Freshness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SensorFaultsTest {
    private static final long SEED = 9;

    @Test
    void f17SpikeReportsAnImpossibleValueOnThatSensorOnly() {
        SimRun base = SimRun.tiny(SEED).run(8);
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F17, "tn/gpu0 temp_c", 5_000).withDuration(2_000)).run(8);
        int sensor = run.sensor("tn/gpu0", Metric.TEMP_C);
        assertThat(run.at(5, sensor)).isZero();
        assertThat(run.at(6, sensor)).isZero();
        assertThat(run.at(7, sensor)).isEqualTo(base.at(7, sensor)).isGreaterThan(50);
        assertOnlySensorDiffers(base, run, sensor);
        GroundTruth truth = run.sim.groundTruth().get(0);
        assertThat(truth.negative()).isTrue();
        assertThat(truth.rootCause()).isEqualTo("tn/gpu0");
        assertThat(truth.affected()).containsExactly("tn/gpu0");
    }

    @Test
    void f17SpikeOnALitLaneReadsMinus40Dbm() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F17, "tn/sw/oe0#1 rx_dbm", 2_000)).run(4);
        assertThat(run.at(3, "tn/sw/oe0#1", Metric.RX_DBM)).isEqualTo(-40);
        assertThat(run.at(3, "tn/sw/oe0#1", Metric.LOS)).isZero();
        assertThat(run.at(3, "tn/sw/oe0#1", Metric.LINK_UP)).isEqualTo(1.0);
    }

    @Test
    void f17StuckSensorFlatLinesAtItsLastValue() {
        SimRun base = SimRun.tiny(SEED).run(10);
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F17, "tn/gpu0/oe0#2 rx_dbm", 4_000).withMode("stuck")).run(10);
        int sensor = run.sensor("tn/gpu0/oe0#2", Metric.RX_DBM);
        double before = run.at(3, sensor);
        for (int i = 4; i < 10; i++) {
            assertThat(run.at(i, sensor)).isEqualTo(before);
        }
        assertOnlySensorDiffers(base, run, sensor);
    }

    @Test
    void f17DropoutStopsReportingSoTheSensorTurnsStale() {
        SimRun base = SimRun.tiny(SEED).run(20);
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F17, "tn/cdu1 flow_lpm", 5_000).withMode("dropout")).run(20);
        int sensor = run.sensor("tn/cdu1", Metric.FLOW_LPM);
        for (int i = 5; i < 20; i++) {
            assertThat(run.at(i, sensor)).isNaN();
        }
        long now = run.times.get(19);
        assertThat(run.state.freshness(sensor, now)).isEqualTo(Freshness.STALE);
        assertThat(run.state.freshness(run.sensor("tn/cdu1", Metric.SUPPLY_C), now)).isEqualTo(Freshness.FRESH);
        assertOnlySensorDiffers(base, run, sensor);
    }

    private static void assertOnlySensorDiffers(SimRun base, SimRun run, int sensor) {
        for (int i = 0; i < run.ticks.size(); i++) {
            for (int s = 0; s < run.layout.sensorCount(); s++) {
                if (s != sensor) {
                    assertThat(Double.valueOf(run.at(i, s))).as(run.layout.describe(s)).isEqualTo(Double.valueOf(base.at(i, s)));
                }
            }
        }
    }
}
