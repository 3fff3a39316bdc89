package dev.supernodetwin.core.evaluate;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.GroundTruth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScorerTest {
    static final long T0 = 1_767_225_600_000L;
    static final String LASER = "sn01/t01/els0";
    static final List<String> LANES = List.of("sn01/t01/gpu0/oe0#0", "sn01/t01/gpu0/oe0#1", "sn01/t01/gpu0/oe0#2",
            "sn01/t01/gpu0/oe0#3");

    private final Scorer scorer = new Scorer(MatchWindow.defaults());

    static GroundTruth laserDies(long onset) {
        return new GroundTruth(FaultType.F3, LASER + "#0", onset, OptionalLong.empty(), OptionalLong.of(onset),
                LASER + "#0", LANES, false);
    }

    static AlertEvent alert(String id, long ts, Category category, String device, OptionalInt lane,
                            List<String> affected) {
        return new AlertEvent(id, ts, "sn01", AlertEvent.State.FIRING, Kind.ANOMALY, AlertEvent.Severity.ALARM,
                category, "test.rule", device, lane, new AlertEvent.RootCause(device, lane, "test"), affected,
                OptionalLong.empty(), "test");
    }

    static EvaluationCase run(List<GroundTruth> truths, List<AlertEvent> alerts) {
        return new EvaluationCase("case", "cpo-72", 1000, 86_400_000L, 1000, truths, alerts);
    }

    @Test
    void aLaserFaultBlamedOnTheLaserInOneAlertScoresDetectedRightAndSingle() {
        AlertEvent a = alert("a-1", T0 + 2_000, Category.OPTICAL, LASER, OptionalInt.of(0), LANES);
        FaultScore f = scorer.score(run(List.of(laserDies(T0)), List.of(a, resolved(a, T0 + 60_000)))).faults().get(0);
        assertThat(f.detected()).isTrue();
        assertThat(f.latencyMillis()).hasValue(2_000);
        assertThat(f.latencySamples()).hasValue(2.0);
        assertThat(f.rootCauseCorrect()).contains(true);
        assertThat(f.alerts()).isEqualTo(1);
    }

    @Test
    void aStormOfPerLaneAlertsCountsEveryAlertAndBlamesALane() {
        List<AlertEvent> storm = new ArrayList<>();
        for (int i = 0; i < LANES.size(); i++) {
            storm.add(alert("a-" + i, T0 + 1_000, Category.OPTICAL, "sn01/t01/gpu0/oe0", OptionalInt.of(i), List.of()));
        }
        CaseScore s = scorer.score(run(List.of(laserDies(T0)), storm));
        assertThat(s.faults().get(0).alerts()).isEqualTo(4);
        assertThat(s.faults().get(0).rootCauseCorrect()).contains(false);
        assertThat(s.falseAlarms()).isEmpty();
    }

    @Test
    void anAlertBlamingTheEngineInsteadOfTheLaserIsDetectedWithTheWrongRootCause() {
        AlertEvent a = alert("a-1", T0 + 1_000, Category.OPTICAL, "sn01/t01/gpu0/oe0", OptionalInt.empty(), LANES);
        FaultScore f = scorer.score(run(List.of(laserDies(T0)), List.of(a))).faults().get(0);
        assertThat(f.detected()).isTrue();
        assertThat(f.rootCauseCorrect()).contains(false);
    }

    @Test
    void aFaultWithoutAMatchingAlertIsMissedAndTheUnrelatedAlarmIsFalse() {
        AlertEvent elsewhere = alert("a-9", T0 + 1_000, Category.THERMAL, "sn01/t09/gpu3", OptionalInt.empty(),
                List.of());
        AlertEvent before = alert("a-8", T0 - 60_000, Category.OPTICAL, LASER, OptionalInt.of(0), LANES);
        CaseScore s = scorer.score(run(List.of(laserDies(T0)), List.of(before, elsewhere)));
        assertThat(s.faults().get(0).detected()).isFalse();
        assertThat(s.faults().get(0).rootCauseCorrect()).isEmpty();
        assertThat(s.faults().get(0).alerts()).isZero();
        assertThat(s.falseAlarms()).containsExactly("a-8", "a-9");
    }

    @Test
    void aHardwareAlarmOnAHealthyRunIsFalseButASensorAlertIsNot() {
        List<AlertEvent> alerts = List.of(
                alert("a-1", T0, Category.COOLING, "sn01/cdu1", OptionalInt.empty(), List.of()),
                alert("a-2", T0, Category.SENSOR, "sn01/t01/gpu0", OptionalInt.empty(), List.of()));
        CaseScore s = scorer.score(run(List.of(), alerts));
        assertThat(s.evaluated().control()).isTrue();
        assertThat(s.falseAlarms()).containsExactly("a-1");
        // 1,000 devices for a day: 1 alarm per 1,000 device-days.
        assertThat(s.falseAlarmRate()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aPlannedOcsReconfigurationPassesSilentlyAndCountsAnAlarmAgainstTheTwin() {
        GroundTruth f8 = new GroundTruth(FaultType.F8, "sn01/ocs2", T0, OptionalLong.of(T0 + 200),
                OptionalLong.empty(), "sn01/ocs2", List.of("sn01/ocs2#1", "sn01/r1/t01/gpu0/oe0#0"), true);
        CaseScore quiet = scorer.score(run(List.of(f8), List.of()));
        assertThat(quiet.faults().get(0).hardwareAlerts()).isZero();
        assertThat(quiet.falseAlarms()).isEmpty();

        AlertEvent los = alert("a-1", T0 + 1_000, Category.OPTICAL, "sn01/r1/t01/gpu0/oe0", OptionalInt.of(0),
                List.of());
        CaseScore noisy = scorer.score(run(List.of(f8), List.of(los)));
        assertThat(noisy.faults().get(0).hardwareAlerts()).isEqualTo(1);
        assertThat(noisy.falseAlarms()).containsExactly("a-1");
    }

    @Test
    void aLaserAgeingPredictionScoresLeadTimeAndEtaError() {
        long life = 7_200_000;
        GroundTruth f2 = new GroundTruth(FaultType.F2, LASER + "#1", T0, OptionalLong.of(T0 + life),
                OptionalLong.of(T0 + life), LASER + "#1", LANES, false);
        AlertEvent p = new AlertEvent("p-1", T0 + 3_600_000, "sn01", AlertEvent.State.FIRING, Kind.PREDICTION,
                AlertEvent.Severity.WARNING, Category.OPTICAL, "optical.laser.ageing", LASER, OptionalInt.of(1),
                new AlertEvent.RootCause(LASER, OptionalInt.of(1), "bias trend"), List.of(),
                OptionalLong.of(T0 + life + 720_000), "laser ageing");
        FaultScore f = scorer.score(run(List.of(f2), List.of(p))).faults().get(0);
        assertThat(f.leadMillis()).hasValue(3_600_000);
        assertThat(f.leadFraction().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(f.etaError().getAsDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(f.rootCauseCorrect()).contains(true);
    }

    @Test
    void aDeviceOverlapsItsOwnLanesOnly() {
        assertThat(Scorer.overlaps("sn01/t01/els0", "sn01/t01/els0#2")).isTrue();
        assertThat(Scorer.overlaps("sn01/t01/els0#2", "sn01/t01/els0")).isTrue();
        assertThat(Scorer.overlaps("sn01/t01/els0", "sn01/t01/els01")).isFalse();
    }

    static AlertEvent resolved(AlertEvent a, long ts) {
        return new AlertEvent(a.id(), ts, a.supernode(), AlertEvent.State.RESOLVED, a.kind(), a.severity(),
                a.category(), a.rule(), a.device(), a.lane(), a.rootCause(), a.affected(), a.eta(), a.summary());
    }
}
