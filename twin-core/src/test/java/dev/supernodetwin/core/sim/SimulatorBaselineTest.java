package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorBaselineTest {

    @Test
    void healthySupernodeStaysWithinTheDomainRanges() {
        SimRun r = SimRun.preset("cpo-72", 7).run(60);
        for (int i = 0; i < 60; i++) {
            for (int g : r.topo.devicesOfKind(DeviceKind.GPU).toArray()) {
                assertThat(r.ticks.get(i)[r.layout.sensor(g, Metric.TEMP_C)]).isBetween(60.0, 80.0);
                assertThat(r.ticks.get(i)[r.layout.sensor(g, Metric.THROTTLE_MASK)]).isZero();
            }
            for (int oe : r.topo.devicesOfKind(DeviceKind.OE).toArray()) {
                assertThat(r.ticks.get(i)[r.layout.sensor(oe, Metric.TEMP_C)]).isBetween(50.0, 62.0);
                for (int l = 0; l < r.topo.device(oe).laneCount(); l++) {
                    double[] row = r.ticks.get(i);
                    assertThat(row[r.layout.laneSensor(oe, l, Metric.RX_DBM)]).isBetween(-4.0, 1.0);
                    assertThat(row[r.layout.laneSensor(oe, l, Metric.PRE_FEC_BER)]).isBetween(1e-8, 1e-6);
                    assertThat(row[r.layout.laneSensor(oe, l, Metric.MRM_HEATER_MW)]).isBetween(0.0, 30.0);
                    assertThat(row[r.layout.laneSensor(oe, l, Metric.LINK_UP)]).isEqualTo(1.0);
                    assertThat(row[r.layout.laneSensor(oe, l, Metric.FERC_TOTAL)]).isZero();
                }
            }
        }
        double supply = r.at(59, "sn01/cdu1", Metric.SUPPLY_C);
        double ret = r.at(59, "sn01/cdu1", Metric.RETURN_C);
        assertThat(ret - supply).isBetween(6.0, 12.0);
        assertThat(r.at(59, "sn01/t01/els0#0", Metric.OUT_DBM)).isBetween(14.5, 15.5);
    }

    @Test
    void healthyRunThroughOcsKeepsReceivedPowerInRange() {
        SimRun r = SimRun.preset("npo-256", 3).run(5);
        for (int oe : r.topo.devicesOfKind(DeviceKind.OE).toArray()) {
            for (int l = 0; l < r.topo.device(oe).laneCount(); l++) {
                assertThat(r.ticks.get(4)[r.layout.laneSensor(oe, l, Metric.RX_DBM)]).isBetween(-4.0, 1.0);
            }
        }
    }

    @Test
    void emitsOneFramePerDeviceInIndexOrderAtTheTickTime() {
        Topology topo = Topology.of(dev.supernodetwin.core.fixtures.TinyTopology.document());
        Simulator sim = new Simulator(new SensorLayout(topo), new SimulationSettings(1, 5_000, 500), Scenario.healthy());
        List<Integer> devices = new ArrayList<>();
        List<Long> stamps = new ArrayList<>();
        assertThat(sim.nextTime()).isEqualTo(5_000);
        sim.tick(f -> {
            devices.add(f.device());
            stamps.add(f.timestamp());
        });
        assertThat(devices).containsExactlyElementsOf(java.util.stream.IntStream.range(0, topo.deviceCount()).boxed().toList());
        assertThat(stamps).containsOnly(5_000L);
        assertThat(sim.nextTime()).isEqualTo(5_500);
    }

    @Test
    void elsFedLanesReportLaserInputAndOwnLaserLanesReportBias() {
        SimRun r = SimRun.tiny(1).run(1);
        assertThat(r.at(0, "tn/gpu0/oe0#0", Metric.LASER_IN_DBM)).isBetween(5.0, 9.0);
        assertThat(r.at(0, "tn/gpu0/oe0#0", Metric.BIAS_MA)).isNaN();
        assertThat(r.at(0, "tn/sw/oe0#0", Metric.BIAS_MA)).isBetween(50.0, 75.0);
        assertThat(r.at(0, "tn/sw/oe0#0", Metric.LASER_IN_DBM)).isNaN();
    }

    @Test
    void sameSeedGivesIdenticalSampleStreams() {
        assertThat(stream(42)).isEqualTo(stream(42));
    }

    @Test
    void differentSeedGivesDifferentSamples() {
        assertThat(stream(42)).isNotEqualTo(stream(43));
    }

    private static byte[] stream(long seed) {
        Topology topo = Topology.of(Presets.expand("cpo-72", "sn01"));
        Scenario scenario = new Scenario(List.of(FaultSpec.of(FaultType.F3, "sn01/t01/els0#0", 5_000),
                FaultSpec.of(FaultType.F10, "sn01/cdu1", 10_000)));
        Simulator sim = new Simulator(new SensorLayout(topo), new SimulationSettings(seed, 0, 1000), scenario);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        for (int i = 0; i < 20; i++) {
            sim.tick((FrameBuffer f) -> {
                try {
                    data.writeInt(f.device());
                    data.writeLong(f.timestamp());
                    data.writeLong(f.seq());
                    for (int s = 0; s < f.size(); s++) {
                        data.writeInt(f.sensor(s));
                        data.writeLong(Double.doubleToRawLongBits(f.value(s)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return bytes.toByteArray();
    }

    @Test
    void scenarioValidationListsEveryProblemWithWhereItIs() {
        Topology topo = Topology.of(dev.supernodetwin.core.fixtures.TinyTopology.document());
        Scenario bad = new Scenario(List.of(
                FaultSpec.of(FaultType.F3, "tn/nope#0", 0),
                FaultSpec.of(FaultType.F10, "tn/gpu0", -5),
                FaultSpec.of(FaultType.F2, "tn/els0#1", 0),
                FaultSpec.of(FaultType.F17, "tn/gpu0 rx_dbm", 0).withMode("wobble"),
                FaultSpec.of(FaultType.F9, "tn/gpu0", 0).withMagnitude(2),
                FaultSpec.of(FaultType.F12, "tn/gpu0", 0),
                FaultSpec.of(FaultType.F5, "tn/gpu0/oe0#9", 0)));
        List<String> problems = Scenario.validate(bad, topo);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("faults[0].target: no device 'tn/nope'"))
                .anySatisfy(p -> assertThat(p).startsWith("faults[1].onset:"))
                .anySatisfy(p -> assertThat(p).isEqualTo("faults[1].target: 'tn/gpu0' is a gpu, this fault needs a cdu"))
                .anySatisfy(p -> assertThat(p).startsWith("faults[2].duration: F2 needs a duration"))
                .anySatisfy(p -> assertThat(p).startsWith("faults[3].mode:"))
                .anySatisfy(p -> assertThat(p).startsWith("faults[3].target: a gpu has no device metric rx_dbm"))
                .anySatisfy(p -> assertThat(p).startsWith("faults[4].magnitude:"))
                .anySatisfy(p -> assertThat(p).startsWith("faults[5].fault: F12 (hbm-degradation) is not simulated"))
                .anySatisfy(p -> assertThat(p).startsWith("faults[6].target: 'tn/gpu0/oe0' has lanes 0..7"));
        assertThat(problems).hasSize(9);
    }

    @Test
    void aScenarioThatDoesNotFitIsRefusedWithEveryProblem() {
        Topology topo = Topology.of(dev.supernodetwin.core.fixtures.TinyTopology.document());
        Scenario bad = new Scenario(List.of(FaultSpec.of(FaultType.F1, "tn/gpu0", 0),
                FaultSpec.of(FaultType.F7, "tn/ocs1", 0)));
        assertThatThrownBy(() -> new Simulator(new SensorLayout(topo), SimulationSettings.everySecond(1, 0), bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("faults[0].target")
                .hasMessageContaining("faults[1].target");
    }

    @Test
    void injectedFaultsAreValidatedAndJoinTheGroundTruth() {
        SimRun r = SimRun.tiny(1).run(3);
        r.sim.inject(FaultSpec.of(FaultType.F3, "tn/els0#0", 5_000));
        assertThatThrownBy(() -> r.sim.inject(FaultSpec.of(FaultType.F3, "tn/gpu0#0", 5_000)))
                .hasMessageContaining("faults[1].target");
        r.run(4);
        assertThat(r.sim.groundTruth()).singleElement().satisfies(g -> {
            assertThat(g.fault()).isEqualTo(FaultType.F3);
            assertThat(g.onsetMillis()).isEqualTo(SimRun.START + 5_000);
        });
        assertThat(r.at(5, "tn/gpu0/oe0#0", Metric.LASER_IN_DBM)).isLessThan(-30);
        assertThat(r.at(4, "tn/gpu0/oe0#0", Metric.LASER_IN_DBM)).isGreaterThan(5);
    }

    @Test
    void settingsRefuseAZeroPeriod() {
        assertThatThrownBy(() -> new SimulationSettings(1, 0, 0)).hasMessageContaining("periodMillis");
    }
}
