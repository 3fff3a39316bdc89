package dev.supernodetwin.core.evaluate;

import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.GroundTruth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static dev.supernodetwin.core.evaluate.ScorerTest.LANES;
import static dev.supernodetwin.core.evaluate.ScorerTest.LASER;
import static dev.supernodetwin.core.evaluate.ScorerTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

class ScoreReportTest {
    private final Scorer scorer = new Scorer(MatchWindow.defaults());

    @Test
    void nothingDetectedFailsEveryDetectionBarButNotTheFalseAlarmBar() {
        GroundTruth f2 = new GroundTruth(FaultType.F2, LASER + "#1", T0, OptionalLong.of(T0 + 1000),
                OptionalLong.of(T0 + 1000), LASER + "#1", LANES, false);
        CaseScore faulty = scorer.score(ScorerTest.run(List.of(ScorerTest.laserDies(T0), f2), List.of()));
        CaseScore healthy = scorer.score(ScorerTest.run(List.of(), List.of()));
        ScoreReport report = new ScoreReport(List.of(faulty, healthy), Bars.issueDefaults());
        assertThat(report.barResults()).extracting(BarResult::passed)
                .containsExactly(false, false, false, true, false, false);
        assertThat(report.passed()).isFalse();
        String md = MarkdownReport.render(report);
        assertThat(md).contains("**Result: FAILED** — 5 of 6 bars not met.")
                .contains("| injected faults detected | 0 % | ≥ 95 % | 0 of 2 faults | **FAIL** |")
                .contains("| F3 els-sudden-failure | 1 | 0/1 |");
    }

    @Test
    void aPerfectRunPassesEveryBarThatHasFaultsToMeasure() {
        GroundTruth f3 = ScorerTest.laserDies(T0);
        CaseScore faulty = scorer.score(ScorerTest.run(List.of(f3), List.of(
                ScorerTest.alert("a-1", T0 + 1_000, Category.OPTICAL, LASER, OptionalInt.of(0), LANES))));
        CaseScore healthy = scorer.score(ScorerTest.run(List.of(), List.of()));
        Bars noAgeing = new Bars(0.95, 0.9, 0.9, 1, 2, 0.95, 0.25, 0.25, 0);
        ScoreReport report = new ScoreReport(List.of(faulty, healthy), noAgeing);
        // No ageing fault in this suite: that bar has nothing to measure and so fails.
        assertThat(report.barResults()).extracting(BarResult::passed)
                .containsExactly(true, true, true, true, true, false);
    }
}
