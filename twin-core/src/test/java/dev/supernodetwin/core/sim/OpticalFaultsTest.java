package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OpticalFaultsTest {
    private static final long SEED = 11;

    @Test
    void f3EveryLaneLitByTheFailedLaserLosesLightInTheSameFrameAndOnlyThose() {
        SimRun base = SimRun.preset("cpo-72", SEED).run(12);
        SimRun run = SimRun.preset("cpo-72", SEED, FaultSpec.of(FaultType.F3, "sn01/t01/els0#0", 10_000)).run(12);
        int laser = run.topo.lane("sn01/t01/els0#0").orElseThrow();
        Set<Integer> lit = new HashSet<>();
        Set<Integer> far = new HashSet<>();
        for (int lane : run.topo.litBy(laser).toArray()) {
            lit.add(lane);
            far.add(run.topo.linkOf(lane).orElseThrow().otherEnd(lane));
        }
        assertThat(lit).hasSize(4);
        for (int lane : lit) {
            assertThat(run.at(9, run.layout.laneSensor(lane, Metric.LASER_IN_DBM))).isGreaterThan(5);
            assertThat(run.at(10, run.layout.laneSensor(lane, Metric.LASER_IN_DBM))).isLessThan(-40);
            assertThat(run.at(10, run.layout.laneSensor(lane, Metric.TX_DBM))).isLessThan(-45);
        }
        for (int lane : far) {
            assertThat(run.at(9, run.layout.laneSensor(lane, Metric.LOS))).isZero();
            assertThat(run.at(10, run.layout.laneSensor(lane, Metric.RX_DBM))).isLessThan(-15);
            assertThat(run.at(10, run.layout.laneSensor(lane, Metric.LOS))).isEqualTo(1.0);
            assertThat(run.at(10, run.layout.laneSensor(lane, Metric.LINK_UP))).isZero();
        }
        assertThat(run.at(10, "sn01/t01/els0#0", Metric.OUT_DBM)).isLessThan(-35);
        assertThat(run.at(10, "sn01/t01/els0#0", Metric.BIAS_MA)).isLessThan(1);
        for (int oe : run.topo.devicesOfKind(DeviceKind.OE).toArray()) {
            for (int n = 0; n < run.topo.device(oe).laneCount(); n++) {
                int lane = run.topo.lane(oe, n);
                if (lit.contains(lane) || far.contains(lane)) {
                    continue;
                }
                for (Metric m : List.of(Metric.RX_DBM, Metric.TX_DBM, Metric.LOS, Metric.LINK_UP, Metric.LASER_IN_DBM)) {
                    int s = run.layout.laneSensor(lane, m);
                    assertThat(run.at(10, s)).as(run.layout.describe(s)).isEqualTo(base.at(10, s));
                }
            }
        }
        GroundTruth truth = run.sim.groundTruth().get(0);
        assertThat(truth.failureMillis()).hasValue(SimRun.START + 10_000);
        assertThat(truth.rootCause()).isEqualTo("sn01/t01/els0#0");
        assertThat(truth.affected()).hasSize(8).contains("sn01/t01/gpu0/oe0#0");
    }

    @Test
    void f3OnAWholeSourceDarkensEveryLaserItHolds() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F3, "tn/els0", 3_000)).run(4);
        for (int i = 0; i < 4; i++) {
            assertThat(run.at(3, "tn/els0#" + i, Metric.OUT_DBM)).isLessThan(-35);
        }
        for (int n = 0; n < 8; n++) {
            assertThat(run.at(3, "tn/sw/oe0#" + n, Metric.LOS)).isEqualTo(1.0);
            assertThat(run.at(3, "tn/sw/oe1#" + n, Metric.LOS)).isEqualTo(1.0);
        }
    }

    @Test
    void f1HeaterFallsToZeroBeforeBerRisesThenTheEngineLinksFail() {
        FaultSpec f1 = FaultSpec.of(FaultType.F1, "tn/gpu0/oe0", 10_000).withMagnitude(3);
        SimRun run = SimRun.tiny(SEED, f1).run(720);
        int heaterZero = firstTick(run, 0, i -> run.at(i, "tn/gpu0/oe0#0", Metric.MRM_HEATER_MW) < 0.2);
        int berUp = firstTick(run, 0, i -> maxBer(run, i) > 1e-5);
        int fecLimit = firstTick(run, 0, i -> maxBer(run, i) > OpticalModel.FEC_LIMIT);
        assertThat(heaterZero).isPositive().isLessThan(berUp);
        assertThat(berUp).isLessThan(fecLimit);
        assertThat(run.at(fecLimit - 1, "tn/gpu0/oe0#0", Metric.MRM_DETUNE_PM)).isGreaterThan(100);
        int last = run.ticks.size() - 1;
        for (int n = 0; n < 8; n++) {
            assertThat(run.at(last, "tn/gpu0/oe0#" + n, Metric.LINK_UP)).isZero();
            assertThat(run.at(last, "tn/gpu0/oe0#" + n, Metric.FERC_TOTAL)).isPositive();
        }
        assertThat(run.at(last, "tn/gpu1/oe0#0", Metric.LINK_UP)).isEqualTo(1.0);
        long predicted = run.sim.groundTruth().get(0).failureMillis().orElseThrow();
        assertThat(run.times.get(fecLimit)).isCloseTo(predicted, within(60_000L));
    }

    @Test
    void f2BiasRisesWhileOutputHoldsUntilEndOfLifeThenEveryLitLaneDropsTogether() {
        FaultSpec f2 = FaultSpec.of(FaultType.F2, "tn/els0#1", 10_000).withDuration(600_000);
        SimRun base = SimRun.tiny(SEED).run(851);
        SimRun run = SimRun.tiny(SEED, f2).run(851);
        double bias0 = run.at(9, "tn/els0#1", Metric.BIAS_MA);
        double out0 = run.at(9, "tn/els0#1", Metric.OUT_DBM);
        assertThat(run.at(310, "tn/els0#1", Metric.BIAS_MA)).isCloseTo(bias0 * 1.10, within(1.0));
        assertThat(run.at(600, "tn/els0#1", Metric.BIAS_MA)).isGreaterThan(bias0 * 1.15);
        assertThat(run.at(600, "tn/els0#1", Metric.OUT_DBM)).isCloseTo(out0, within(0.15));
        assertThat(run.at(600, "tn/els0#1", Metric.LASER_AGE_PCT)).isGreaterThan(90);
        assertThat(run.at(850, "tn/els0#1", Metric.OUT_DBM)).isLessThan(out0 - 3.5);
        double[] drops = new double[4];
        for (int n = 0; n < 4; n++) {
            String far = "tn/sw/oe0#" + (4 + n);
            drops[n] = base.at(850, far, Metric.RX_DBM) - run.at(850, far, Metric.RX_DBM);
        }
        for (double d : drops) {
            assertThat(d).isCloseTo(drops[0], within(0.3)).isGreaterThan(3.5);
        }
        assertThat(run.at(850, "tn/sw/oe0#0", Metric.RX_DBM)).isEqualTo(base.at(850, "tn/sw/oe0#0", Metric.RX_DBM));
        assertThat(run.sim.groundTruth().get(0).failureMillis()).hasValue(SimRun.START + 610_000);
    }

    @Test
    void f4LaserInputOfExactlyItsLanesDropsWhileTheSourceReadsUnchanged() {
        SimRun base = SimRun.tiny(SEED).run(6);
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F4, "tn/els0#2", 3_000)).run(6);
        for (Metric m : List.of(Metric.OUT_DBM, Metric.BIAS_MA)) {
            assertThat(run.at(5, "tn/els0#2", m)).isEqualTo(base.at(5, "tn/els0#2", m));
        }
        for (String oe : List.of("tn/gpu0/oe0", "tn/gpu1/oe0")) {
            for (int n = 0; n < 8; n++) {
                String lane = oe + "#" + n;
                double drop = base.at(5, lane, Metric.LASER_IN_DBM) - run.at(5, lane, Metric.LASER_IN_DBM);
                boolean lit = oe.equals("tn/gpu1/oe0") && n < 4;
                assertThat(drop).as(lane).isCloseTo(lit ? 2.0 : 0.0, within(1e-9));
            }
        }
        double rxDrop = base.at(5, "tn/sw/oe1#1", Metric.RX_DBM) - run.at(5, "tn/sw/oe1#1", Metric.RX_DBM);
        assertThat(rxDrop).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void f5ExtraLossShowsOnTheReceivingLaneOnly() {
        SimRun base = SimRun.tiny(SEED).run(4);
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F5, "tn/sw/oe0#5", 2_000).withMagnitude(3)).run(4);
        assertThat(base.at(3, "tn/sw/oe0#5", Metric.RX_DBM) - run.at(3, "tn/sw/oe0#5", Metric.RX_DBM))
                .isCloseTo(3.0, within(1e-9));
        assertThat(run.at(3, "tn/gpu0/oe0#5", Metric.RX_DBM)).isEqualTo(base.at(3, "tn/gpu0/oe0#5", Metric.RX_DBM));
        assertThat(run.at(3, "tn/sw/oe0#4", Metric.RX_DBM)).isEqualTo(base.at(3, "tn/sw/oe0#4", Metric.RX_DBM));
        assertThat(run.at(1, "tn/sw/oe0#5", Metric.RX_DBM)).isEqualTo(base.at(1, "tn/sw/oe0#5", Metric.RX_DBM));
    }

    @Test
    void f7EveryLaneThroughThePortSeesTheSameRxStepAndThePortShowsIt() {
        SimRun base = SimRun.tiny(SEED).run(4);
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F7, "tn/ocs1#6", 2_000)).run(4);
        for (String lane : List.of("tn/gpu0/oe0#3", "tn/sw/oe0#3")) {
            assertThat(base.at(3, lane, Metric.RX_DBM) - run.at(3, lane, Metric.RX_DBM)).isCloseTo(1.5, within(1e-9));
        }
        assertThat(run.at(3, "tn/sw/oe0#2", Metric.RX_DBM)).isEqualTo(base.at(3, "tn/sw/oe0#2", Metric.RX_DBM));
        double il = run.at(3, "tn/ocs1#6", Metric.IN_DBM) - run.at(3, "tn/ocs1#6", Metric.OUT_DBM);
        assertThat(il).isCloseTo(4.2, within(0.3));
        double healthyIl = run.at(3, "tn/ocs1#4", Metric.IN_DBM) - run.at(3, "tn/ocs1#4", Metric.OUT_DBM);
        assertThat(healthyIl).isCloseTo(2.7, within(0.3));
    }

    @Test
    void f7PortFailureDarkensBothDirections() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F7, "tn/ocs1#7", 2_000).withMagnitude(40)).run(4);
        assertThat(run.at(3, "tn/gpu0/oe0#3", Metric.LOS)).isEqualTo(1.0);
        assertThat(run.at(3, "tn/sw/oe0#3", Metric.LOS)).isEqualTo(1.0);
        assertThat(run.sim.groundTruth().get(0).failureMillis()).hasValue(SimRun.START + 2_000);
    }

    @Test
    void f8LanesThroughASwitchingPortGoDarkOnlyInsideTheWindow() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F8, "tn/ocs1", 10_300)).run(14);
        for (int n = 0; n < 8; n++) {
            for (String lane : List.of("tn/gpu0/oe0#" + n, "tn/sw/oe1#" + n)) {
                assertThat(run.at(10, lane, Metric.LINK_UP)).isEqualTo(1.0);
                assertThat(run.at(11, lane, Metric.LOS)).isEqualTo(1.0);
                assertThat(run.at(11, lane, Metric.LINK_UP)).isZero();
                assertThat(run.at(12, lane, Metric.LOS)).isZero();
                assertThat(run.at(12, lane, Metric.LINK_UP)).isEqualTo(1.0);
                assertThat(run.at(13, lane, Metric.FERC_TOTAL)).isZero();
            }
        }
        assertThat(run.at(10, "tn/ocs1#0", Metric.SWITCHING)).isZero();
        assertThat(run.at(11, "tn/ocs1#0", Metric.SWITCHING)).isEqualTo(1.0);
        assertThat(run.at(12, "tn/ocs1#0", Metric.SWITCHING)).isZero();
        GroundTruth truth = run.sim.groundTruth().get(0);
        assertThat(truth.negative()).isTrue();
        assertThat(truth.endMillis()).hasValue(SimRun.START + 10_500);
    }

    @Test
    void f8OnOnePortLeavesOtherLinksAlone() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F8, "tn/ocs1#4", 5_300)).run(8);
        assertThat(run.at(5, "tn/gpu0/oe0#2", Metric.LOS)).isZero();
        assertThat(run.at(6, "tn/gpu0/oe0#2", Metric.LOS)).isEqualTo(1.0);
        assertThat(run.at(6, "tn/sw/oe0#2", Metric.LOS)).isEqualTo(1.0);
        assertThat(run.at(6, "tn/gpu0/oe0#1", Metric.LOS)).isZero();
        assertThat(run.at(7, "tn/gpu0/oe0#2", Metric.LOS)).isZero();
    }

    @Test
    void f8WindowStartingOnATickShowsInBothSamplesItOverlaps() {
        // Sample t covers (t - period, t]: a window [5000, 5200) touches the samples at 5 s and 6 s.
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F8, "tn/ocs1#4", 5_000)).run(8);
        assertThat(run.at(5, "tn/gpu0/oe0#2", Metric.LOS)).isEqualTo(1.0);
        assertThat(run.at(6, "tn/gpu0/oe0#2", Metric.LOS)).isEqualTo(1.0);
        assertThat(run.at(7, "tn/gpu0/oe0#2", Metric.LOS)).isZero();
    }

    private static double maxBer(SimRun run, int tick) {
        double max = 0;
        for (int n = 0; n < 8; n++) {
            max = Math.max(max, run.at(tick, "tn/gpu0/oe0#" + n, Metric.PRE_FEC_BER));
            max = Math.max(max, run.at(tick, "tn/sw/oe0#" + n, Metric.PRE_FEC_BER));
        }
        return max;
    }

    static int firstTick(SimRun run, int from, java.util.function.IntPredicate p) {
        for (int i = from; i < run.ticks.size(); i++) {
            if (p.test(i)) {
                return i;
            }
        }
        return -1;
    }
}
