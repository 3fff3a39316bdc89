package dev.supernodetwin.app;

import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.evaluate.BarResult;
import dev.supernodetwin.core.evaluate.Bars;
import dev.supernodetwin.core.evaluate.CaseScore;
import dev.supernodetwin.core.evaluate.MatchWindow;
import dev.supernodetwin.core.evaluate.ScoreReport;
import dev.supernodetwin.core.evaluate.Scorer;
import dev.supernodetwin.ingest.evaluate.SuiteCase;
import dev.supernodetwin.ingest.evaluate.SuiteReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detection bars as a build gate: a subset of the evaluation suite (every simulated fault type
 * once, every negative case kind, a healthy run) is simulated, replayed and scored exactly as
 * {@code ./twin evaluate} does, and every bar of the issue must hold on it. The full suite's figures
 * are in docs/detection.md; this keeps a change that breaks detection from passing CI.
 */
class DetectionBarsIT {
    /** One case per fault type and negative kind, chosen to keep the gate to a few minutes. */
    static final Set<String> GATE = Set.of(
            "f1-npo256-engine-fast-ramp", "f2-npo256-switch-laser-ageing", "f3-npo256-whole-els-dies",
            "f4-cpo72-coupling-loss", "f5-npo256-dirty-connector", "f7-npo256-port-failure",
            "f9-cpo72-coldplate", "f10-cpo72-pump-failure", "f11-npo256-large-leak",
            "f8-npo256-bulk-reconfiguration", "f17-cpo72-sensor-faults", "f19-cpo72-diurnal-drift",
            "healthy-cpo72-6h");

    @TempDir
    Path work;

    @Test
    void theGateSubsetMeetsEveryBar() throws Exception {
        List<SuiteCase> cases = new SuiteReader().read(Path.of(EvaluateCommandTest.SUITE)).stream()
                .filter(c -> GATE.contains(c.name())).toList();
        assertThat(cases).as("every gate case is in the suite").hasSize(GATE.size());
        CaseRunner runner = new CaseRunner(work, 2, RuleSet.defaults());
        Scorer scorer = new Scorer(MatchWindow.defaults());
        List<CaseScore> scores = new ArrayList<>();
        for (SuiteCase c : cases) {
            scores.add(scorer.score(runner.run(c)));
        }
        ScoreReport report = new ScoreReport(scores, Bars.issueDefaults());
        String document = DetectionReport.document(report, "DetectionBarsIT");
        List<BarResult> failed = report.barResults().stream().filter(b -> !b.passed()).toList();
        assertThat(failed).as("bars not met:%n%s", document).isEmpty();
    }
}
