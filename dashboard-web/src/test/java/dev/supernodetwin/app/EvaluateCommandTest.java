package dev.supernodetwin.app;

import dev.supernodetwin.app.config.BadRulesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twin evaluate} end to end on one small case of the real suite. */
class EvaluateCommandTest {
    static final String SUITE = Path.of("..", "evaluation", "suite.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void detectsTheDeadLaserAndFailsOnlyTheBarsOneCaseCannotMeasure() throws Exception {
        Path report = dir.resolve("detection.md");
        Path work = dir.resolve("work");
        CommandRun r = CommandRun.of("evaluate", "--suite", SUITE, "--only", "f3-cpo72-laser-dies", "--out", report.toString(),
                "--work", work.toString());

        // One fault case has no healthy run to count false alarms over and no laser ageing to predict.
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("detection: the default rules").contains("[1/1] f3-cpo72-laser-dies")
                .contains("1/1 detected").contains("evaluation FAILED: 2 of 6 bars not met");
        String md = Files.readString(report);
        assertThat(r.out()).isEqualTo(md);
        assertThat(md).contains("./twin evaluate --suite " + SUITE + " --only f3-cpo72-laser-dies")
                .contains("**Result: FAILED** — 2 of 6 bars not met")
                .contains("| injected faults detected | 100 % | ≥ 95 % | 1 of 1 faults | pass |")
                .contains("| F3 els-sudden-failure | 1 | 1/1 |");
        assertThat(work.resolve("f3-cpo72-laser-dies.ndjson.gz")).isNotEmptyFile();
        assertThat(work.resolve("f3-cpo72-laser-dies.truth.ndjson")).content().contains("\"fault\":\"F3\"");
        assertThat(work.resolve("f3-cpo72-laser-dies.alerts.ndjson")).content().contains("\"state\":\"firing\"");
    }

    @Test
    void aBadRulesFileIsAUsageErrorListingEveryProblem() throws Exception {
        Path rules = BadRulesFile.write(dir);

        CommandRun r = CommandRun.of("evaluate", "--suite", SUITE, "--only", "f3-cpo72-laser-dies", "--rules",
                rules.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--rules " + rules + ": 3 problems").contains(BadRulesFile.PROBLEMS);
    }

    @Test
    void anUnknownCaseIsAUsageError() {
        CommandRun r = CommandRun.of("evaluate", "--suite", SUITE, "--only", "no-such-case");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no case named [no-such-case]");
    }
}
