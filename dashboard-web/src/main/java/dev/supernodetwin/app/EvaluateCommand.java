package dev.supernodetwin.app;

import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.evaluate.Bars;
import dev.supernodetwin.core.evaluate.CaseScore;
import dev.supernodetwin.core.evaluate.MatchWindow;
import dev.supernodetwin.core.evaluate.ScoreReport;
import dev.supernodetwin.core.evaluate.Scorer;
import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.ingest.evaluate.SuiteCase;
import dev.supernodetwin.ingest.evaluate.SuiteReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code twin evaluate}: the detection scoreboard — simulate every suite case, replay it, score the alerts. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores detection: simulates every case of the suite, replays it through the twin as",
                "'twin replay --alerts-out' does, matches the alerts to the ground truth and checks the bars.",
                "Prints a line per case and the report (Markdown); exits 1 when any bar is not met."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--suite", defaultValue = "evaluation/suite.yaml", paramLabel = "FILE",
            description = "Suite manifest (default: ${DEFAULT-VALUE}).")
    Path suite;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report here, e.g. docs/detection.md.")
    Path out;

    @Option(names = "--only", paramLabel = "NAME", description = "Run only these cases (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR",
            description = "Keep each case's recording, truth and alerts here (default: a temporary folder, deleted).")
    Path work;

    @Option(names = "--decode-threads", paramLabel = "N", description = "Replay decode threads (default: 2).")
    int decodeThreads = 2;

    @Override
    public Integer call() throws Exception {
        List<SuiteCase> cases = selected(new SuiteReader().read(suite));
        RuleSet ruleSet = rules.rules();
        System.err.println("detection: " + rules.describe(ruleSet));
        ScoreReport report = new ScoreReport(runAll(cases, ruleSet), Bars.issueDefaults());
        String document = DetectionReport.document(report, commandLine());
        System.out.print(document);
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, document);
            System.err.println("wrote " + out);
        }
        long failed = report.barResults().stream().filter(b -> !b.passed()).count();
        if (failed > 0) {
            System.err.printf("evaluation FAILED: %d of %d bars not met%n", failed, report.barResults().size());
            return 1;
        }
        System.err.println("evaluation passed: every bar met");
        return 0;
    }

    /** Simulates, replays and scores each case in turn, with a progress line per case on stderr. */
    private List<CaseScore> runAll(List<SuiteCase> cases, RuleSet ruleSet) throws IOException {
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("twin-evaluate");
        List<CaseScore> scores = new ArrayList<>();
        try {
            CaseRunner runner = new CaseRunner(dir, decodeThreads, ruleSet);
            Scorer scorer = new Scorer(MatchWindow.defaults());
            for (int i = 0; i < cases.size(); i++) {
                SuiteCase c = cases.get(i);
                long started = System.nanoTime();
                CaseScore score = scorer.score(runner.run(c));
                scores.add(score);
                System.err.println(progress(i + 1, cases.size(), c, score, (System.nanoTime() - started) / 1e9));
            }
        } finally {
            if (work == null) {
                deleteTree(dir);
            }
        }
        return scores;
    }

    /** How this run was started, for the report: the arguments after the subcommand name. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int at = args.indexOf(spec.name());
        return "./twin evaluate " + String.join(" ", args.subList(at + 1, args.size()));
    }

    private List<SuiteCase> selected(List<SuiteCase> all) {
        if (only.isEmpty()) {
            return all;
        }
        List<String> unknown = only.stream().filter(n -> all.stream().noneMatch(c -> c.name().equals(n))).toList();
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--only: no case named " + unknown + " in " + suite);
        }
        return all.stream().filter(c -> only.contains(c.name())).toList();
    }

    private static String progress(int n, int total, SuiteCase c, CaseScore s, double seconds) {
        long injected = s.faults().stream().filter(f -> !f.truth().negative()).count();
        long detected = s.faults().stream().filter(f -> !f.truth().negative() && f.detected()).count();
        return String.format(Locale.ROOT, "[%d/%d] %-34s %-8s %5s @ %-4s %d/%d detected, %d alert events, "
                        + "%d false hardware alarms (%.1f s)", n, total, c.name(), c.preset(),
                Durations.format(c.durationMillis()), Durations.format(c.periodMillis()), detected, injected,
                s.evaluated().alerts().size(), s.falseAlarms().size(), seconds);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
