package dev.supernodetwin.core.evaluate;

import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.core.sim.FaultType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Renders a {@link ScoreReport} as Markdown tables: the bars, then per fault type, then per case. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The three tables, each under a level-3 heading. */
    public static String render(ScoreReport report) {
        StringBuilder md = new StringBuilder();
        md.append(report.passed() ? "**Result: every bar passed.**\n\n"
                : "**Result: FAILED** — " + report.barResults().stream().filter(b -> !b.passed()).count()
                + " of " + report.barResults().size() + " bars not met.\n\n");
        bars(md, report.barResults());
        types(md, report.byType());
        cases(md, report.cases());
        return md.toString();
    }

    private static void bars(StringBuilder md, List<BarResult> results) {
        md.append("### Bars\n\n| bar | measured | required | over | result |\n|---|---|---|---|---|\n");
        for (BarResult b : results) {
            md.append("| ").append(b.bar()).append(" | ").append(b.measured()).append(" | ").append(b.limit())
                    .append(" | ").append(b.basis()).append(" | ").append(b.passed() ? "pass" : "**FAIL**")
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void types(StringBuilder md, Map<FaultType, List<FaultScore>> byType) {
        md.append("### Per fault type\n\n| fault | faults | detected | latency median / max (samples) "
                + "| root cause right | exactly one alert | alerts per fault | hardware alarms (negative) "
                + "| lead / life | eta error |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<FaultType, List<FaultScore>> e : byType.entrySet()) {
            List<FaultScore> fs = e.getValue();
            boolean negative = e.getKey().negative();
            long detected = fs.stream().filter(FaultScore::detected).count();
            md.append("| ").append(e.getKey().code()).append(' ').append(e.getKey().slug())
                    .append(negative ? " (negative)" : "").append(" | ").append(fs.size())
                    .append(" | ").append(negative ? "—" : detected + "/" + fs.size())
                    .append(" | ").append(negative ? "—" : latency(fs))
                    .append(" | ").append(negative ? "—" : fs.stream().filter(f -> f.rootCauseCorrect().orElse(false))
                            .count() + "/" + fs.size())
                    .append(" | ").append(negative ? "—" : fs.stream().filter(f -> f.alerts() == 1).count() + "/"
                            + fs.size())
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f",
                            fs.stream().mapToInt(FaultScore::alerts).average().orElse(0)))
                    .append(" | ").append(negative ? String.valueOf(fs.stream().mapToInt(FaultScore::hardwareAlerts)
                            .sum()) : "—")
                    .append(" | ").append(meanPercent(fs, FaultScore::leadFraction))
                    .append(" | ").append(meanPercent(fs, FaultScore::etaError)).append(" |\n");
        }
        md.append('\n');
    }

    private static void cases(StringBuilder md, List<CaseScore> cases) {
        md.append("### Per case\n\n| case | preset | devices | span | faults | detected | alert events "
                + "| false hardware alarms | device-days | per 1,000 device-days |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (CaseScore c : cases) {
            EvaluationCase ec = c.evaluated();
            long injected = c.faults().stream().filter(f -> !f.truth().negative()).count();
            long detected = c.faults().stream().filter(f -> !f.truth().negative() && f.detected()).count();
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %d (%d negative) | %d/%d | %d | %d | %.1f | %.2f |%n",
                    ec.name(), ec.preset(), ec.devices(), Durations.format(ec.spanMillis()),
                    c.faults().size(), c.faults().size() - injected, detected, injected, ec.alerts().size(),
                    c.falseAlarms().size(), ec.deviceDays(), c.falseAlarmRate()));
        }
        md.append('\n');
    }

    private static String latency(List<FaultScore> fs) {
        double[] samples = fs.stream().map(FaultScore::latencySamples).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
        if (samples.length == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f", samples[samples.length / 2], samples[samples.length - 1]);
    }

    private static String meanPercent(List<FaultScore> fs, Function<FaultScore, OptionalDouble> f) {
        OptionalDouble m = fs.stream().map(f).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
        return m.isEmpty() ? "—" : ScoreReport.percent(m.getAsDouble());
    }
}
