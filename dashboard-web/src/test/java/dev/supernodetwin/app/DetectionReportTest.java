package dev.supernodetwin.app;

import dev.supernodetwin.core.evaluate.Bars;
import dev.supernodetwin.core.evaluate.EvaluationCase;
import dev.supernodetwin.core.evaluate.MatchWindow;
import dev.supernodetwin.core.evaluate.ScoreReport;
import dev.supernodetwin.core.evaluate.Scorer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionReportTest {
    private final Scorer scorer = new Scorer(MatchWindow.defaults());

    private String documentFor(int devices, long spanMillis) {
        EvaluationCase healthy = new EvaluationCase("healthy", "cpo-72", devices, spanMillis, 10_000, List.of(),
                List.of());
        return DetectionReport.document(new ScoreReport(List.of(scorer.score(healthy)), Bars.issueDefaults()),
                "./twin evaluate");
    }

    @Test
    void saysWhenTheHealthyExposureIsTooSmallForTheFalseAlarmBar() {
        assertThat(documentFor(855, 6 * 3_600_000L)).startsWith("# Detection evaluation")
                .contains("```\n./twin evaluate\n```")
                .contains("cover 214 device-days: a single false alarm in them already fails");
    }

    @Test
    void saysNothingAboutExposureWhenItIsLargeEnough() {
        assertThat(documentFor(2_000, 86_400_000L)).doesNotContain("a single false alarm");
    }
}
