package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CoolingFaultsTest {
    private static final long SEED = 5;
    private static final List<String> CHIPS = List.of("tn/gpu0", "tn/gpu1", "tn/sw");

    @Test
    void f10EveryGpuOnTheLoopHeatsAndDeltaTRisesAsFlowFalls() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F10, "tn/cdu1", 10_000)).run(120);
        double flow9 = run.at(9, "tn/cdu1", Metric.FLOW_LPM);
        double flow12 = run.at(12, "tn/cdu1", Metric.FLOW_LPM);
        double flow30 = run.at(30, "tn/cdu1", Metric.FLOW_LPM);
        assertThat(flow12).isLessThan(flow9 * 0.7);
        assertThat(flow30).isLessThan(flow9 * 0.2);
        assertThat(deltaT(run, 12)).isGreaterThan(deltaT(run, 9) * 1.3);
        assertThat(deltaT(run, 20)).isGreaterThan(deltaT(run, 12) * 1.5);
        for (String chip : CHIPS) {
            assertThat(peak(run, chip)).as(chip).isGreaterThan(run.at(9, chip, Metric.TEMP_C) + 15);
        }
        boolean throttled = false;
        for (int i = 10; i < 120; i++) {
            for (String gpu : List.of("tn/gpu0", "tn/gpu1")) {
                double mask = run.at(i, gpu, Metric.THROTTLE_MASK);
                throttled |= !Double.isNaN(mask) && ((int) mask & ThermalModel.HW_SLOWDOWN) != 0;
            }
        }
        assertThat(throttled).isTrue();
        assertThat(peak(run, "tn/gpu0/oe0")).isGreaterThan(run.at(9, "tn/gpu0/oe0", Metric.TEMP_C) + 5);
        assertThat(run.sim.groundTruth().get(0).affected()).contains("tn/gpu0", "tn/gpu1", "tn/sw", "tn/gpu0/oe0");
    }

    @Test
    void f10LeftAloneEndsWithXid79AndTheGpuFallsSilent() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F10, "tn/cdu1", 10_000).withMagnitude(0.05)).run(300);
        int xid = OpticalFaultsTest.firstTick(run, 0, i -> run.at(i, "tn/gpu0", Metric.XID) == 79);
        assertThat(xid).isPositive();
        assertThat(run.at(xid, "tn/gpu0", Metric.TEMP_C)).isGreaterThan(90);
        assertThat(run.at(xid + 1, "tn/gpu0", Metric.TEMP_C)).isNaN();
        assertThat(run.at(run.ticks.size() - 1, "tn/gpu0", Metric.POWER_W)).isNaN();
    }

    @Test
    void f9OnlyTheRestrictedPlatesGpuHeats() {
        SimRun base = SimRun.tiny(SEED).run(180);
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F9, "tn/gpu0", 10_000)).run(180);
        assertThat(run.at(179, "tn/gpu0", Metric.TEMP_C)).isGreaterThan(base.at(179, "tn/gpu0", Metric.TEMP_C) + 10);
        assertThat(run.at(179, "tn/gpu0/oe0", Metric.TEMP_C)).isGreaterThan(base.at(179, "tn/gpu0/oe0", Metric.TEMP_C) + 5);
        assertThat(run.at(40, "tn/cp/gpu0", Metric.FLOW_LPM)).isCloseTo(0.25 * base.at(40, "tn/cp/gpu0", Metric.FLOW_LPM),
                within(0.1));
        for (int i = 0; i < 180; i++) {
            assertThat(run.at(i, "tn/gpu1", Metric.TEMP_C)).isCloseTo(base.at(i, "tn/gpu1", Metric.TEMP_C), within(1.5));
            assertThat(deltaT(run, i)).isCloseTo(deltaT(base, i), within(1.5));
        }
        // Slow, not a step: the die takes tens of seconds to heat (τ ≈ 25–30 s).
        double rise5 = run.at(15, "tn/gpu0", Metric.TEMP_C) - base.at(15, "tn/gpu0", Metric.TEMP_C);
        double rise60 = run.at(70, "tn/gpu0", Metric.TEMP_C) - base.at(70, "tn/gpu0", Metric.TEMP_C);
        assertThat(rise5).isLessThan(rise60 * 0.5);
        GroundTruth truth = run.sim.groundTruth().get(0);
        assertThat(truth.rootCause()).isEqualTo("tn/cp/gpu0");
        assertThat(truth.affected()).containsExactly("tn/gpu0", "tn/gpu0/oe0");
    }

    @Test
    void f11LeakGoesWarningThenCriticalAndLoopPressureDecays() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F11, "tn/cdu1", 10_000)).run(200);
        assertThat(run.at(9, "tn/leak", Metric.STATE)).isZero();
        assertThat(run.at(10, "tn/leak", Metric.STATE)).isEqualTo(1.0);
        assertThat(run.at(69, "tn/leak", Metric.STATE)).isEqualTo(1.0);
        assertThat(run.at(70, "tn/leak", Metric.STATE)).isEqualTo(2.0);
        double p0 = run.at(9, "tn/cdu1", Metric.LOOP_KPA);
        assertThat(run.at(70, "tn/cdu1", Metric.LOOP_KPA)).isCloseTo(p0 * 0.9, within(5.0));
        assertThat(run.at(190, "tn/cdu1", Metric.LOOP_KPA)).isLessThan(p0 * 0.8);
        assertThat(run.at(190, "tn/cdu1", Metric.FLOW_LPM)).isCloseTo(run.at(9, "tn/cdu1", Metric.FLOW_LPM), within(0.3));
        assertThat(run.sim.groundTruth().get(0).rootCause()).isEqualTo("tn/leak");
    }

    @Test
    void f11LargeLeakAlsoStarvesTheFlow() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F11, "tn/leak", 0).withMagnitude(2)).run(180);
        assertThat(run.at(179, "tn/cdu1", Metric.FLOW_LPM)).isLessThan(run.at(0, "tn/cdu1", Metric.FLOW_LPM) * 0.5);
    }

    @Test
    void f19DiurnalDriftMovesSupplySmoothlyWithoutCrossingAnyThreshold() {
        SimRun run = SimRun.tiny(SEED, FaultSpec.of(FaultType.F19, "tn", 0).withMode("period=20m")).run(1500);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < run.ticks.size(); i++) {
            double supply = run.at(i, "tn/cdu1", Metric.SUPPLY_C);
            min = Math.min(min, supply);
            max = Math.max(max, supply);
            for (String gpu : List.of("tn/gpu0", "tn/gpu1")) {
                assertThat(run.at(i, gpu, Metric.TEMP_C)).isLessThan(82);
                assertThat(run.at(i, gpu, Metric.THROTTLE_MASK)).isZero();
            }
            for (int n = 0; n < 8; n++) {
                assertThat(run.at(i, "tn/gpu0/oe0#" + n, Metric.LINK_UP)).isEqualTo(1.0);
            }
        }
        assertThat(max - min).isBetween(2.8, 4.4);
        assertThat(run.at(300, "tn/cdu1", Metric.SUPPLY_C)).isCloseTo(31.5, within(0.8));
        GroundTruth truth = run.sim.groundTruth().get(0);
        assertThat(truth.negative()).isTrue();
        assertThat(truth.affected()).containsExactly("tn/cdu1");
    }

    private static double peak(SimRun run, String device) {
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < run.ticks.size(); i++) {
            double v = run.at(i, device, Metric.TEMP_C);
            max = Double.isNaN(v) ? max : Math.max(max, v);
        }
        return max;
    }

    private static double deltaT(SimRun run, int tick) {
        return run.at(tick, "tn/cdu1", Metric.RETURN_C) - run.at(tick, "tn/cdu1", Metric.SUPPLY_C);
    }
}
