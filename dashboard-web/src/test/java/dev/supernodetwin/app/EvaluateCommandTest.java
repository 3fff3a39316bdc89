package dev.supernodetwin.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twin evaluate} end to end on one small case of the real suite. */
class EvaluateCommandTest {
    static final String SUITE = Path.of("..", "evaluation", "suite.yaml").toString();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
             PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            System.setOut(po);
            System.setErr(pe);
            int status = TwinCli.commandLine().execute(args);
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void detectsTheDeadLaserAndFailsOnlyTheBarsOneCaseCannotMeasure() throws Exception {
        Path report = dir.resolve("detection.md");
        Path work = dir.resolve("work");
        Run r = run("evaluate", "--suite", SUITE, "--only", "f3-cpo72-laser-dies", "--out", report.toString(),
                "--work", work.toString());

        // One fault case has no healthy run to count false alarms over and no laser ageing to predict.
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("[1/1] f3-cpo72-laser-dies").contains("1/1 detected")
                .contains("evaluation FAILED: 2 of 6 bars not met");
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
    void anUnknownCaseIsAUsageError() {
        Run r = run("evaluate", "--suite", SUITE, "--only", "no-such-case");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no case named [no-such-case]");
    }
}
