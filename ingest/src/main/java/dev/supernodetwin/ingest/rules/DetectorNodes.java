package dev.supernodetwin.ingest.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supernodetwin.core.detect.Comparison;
import dev.supernodetwin.core.detect.CounterRateSpec;
import dev.supernodetwin.core.detect.CusumSpec;
import dev.supernodetwin.core.detect.DetectorSpec;
import dev.supernodetwin.core.detect.EwmaSpec;
import dev.supernodetwin.core.detect.HoltSpec;
import dev.supernodetwin.core.detect.Level;
import dev.supernodetwin.core.detect.PeerMadSpec;
import dev.supernodetwin.core.detect.Severity;
import dev.supernodetwin.core.detect.ThresholdSpec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the detector object of a rule ({@code thresholds:}, {@code ewma:}, …) into its spec. Parameters
 * left out take the detector's documented default; the spec's own checks run later, in
 * {@code RuleSet.problemsOf}, so range problems are reported once and in the core's words.
 */
final class DetectorNodes {
    /** Detector keys a rule may carry, exactly one of them. */
    static final List<String> TYPES = List.of("thresholds", "ewma", "cusum", "counter_rate", "holt", "peer_mad");
    private static final double INF = Double.POSITIVE_INFINITY;

    private DetectorNodes() {
    }

    static Optional<DetectorSpec> parse(String type, JsonNode node, String at, List<String> problems) {
        int before = problems.size();
        Fields f = new Fields(node, at, problems);
        DetectorSpec spec = switch (type) {
            case "thresholds" -> thresholds(f.only(Set.of("comparison", "warning", "alarm", "critical", "dwell")),
                    at, problems);
            case "ewma" -> new EwmaSpec(f.only(Set.of("lambda", "limit", "warmup", "min_sigma")).number("lambda", 0.2),
                    f.number("limit", 3), f.integer("warmup", 20), f.number("min_sigma", Double.NaN));
            case "cusum" -> new CusumSpec(f.only(Set.of("k", "h", "warmup", "min_sigma")).number("k", 0.5),
                    f.number("h", 5), f.integer("warmup", 30), f.number("min_sigma", Double.NaN));
            case "counter_rate" -> counterRate(f.only(Set.of("min_increase", "increase_severity", "rate_per_second",
                    "rate_severity", "window"))).orElse(null);
            case "holt" -> new HoltSpec(f.only(Set.of("alpha", "beta", "min_samples", "target", "horizon"))
                    .number("alpha", 0.3), f.number("beta", 0.1), f.integer("min_samples", 10),
                    f.number("target", Double.NaN), f.duration("horizon", 0, true));
            case "peer_mad" -> new PeerMadSpec(f.only(Set.of("limit", "min_mad", "min_peers")).number("limit", 3.5),
                    f.number("min_mad", Double.NaN), f.integer("min_peers", 5));
            default -> throw new IllegalArgumentException("unknown detector type " + type);
        };
        return problems.size() > before || spec == null ? Optional.empty() : Optional.of(spec);
    }

    private static Optional<DetectorSpec> counterRate(Fields f) {
        double minIncrease = f.number("min_increase", INF);
        double rate = f.number("rate_per_second", INF);
        // A severity left out follows the other one (as CounterRateSpec.increase/rate build them), else alarm.
        int increaseSeverity = f.severity("increase_severity", 0);
        int rateSeverity = f.severity("rate_severity", 0);
        int fallback = Math.max(increaseSeverity, rateSeverity) == 0 ? Severity.ALARM
                : Math.max(increaseSeverity, rateSeverity);
        return Optional.of(new CounterRateSpec(minIncrease, increaseSeverity == 0 ? fallback : increaseSeverity,
                rate, rateSeverity == 0 ? fallback : rateSeverity, f.duration("window", 0, false)));
    }

    private static ThresholdSpec thresholds(Fields f, String at, List<String> problems) {
        String c = f.text("comparison", null);
        Comparison comparison = Comparison.AT_OR_ABOVE;
        if (c != null) {
            try {
                comparison = Comparison.valueOf(c.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(at + ".comparison: unknown '" + c + "'; expected at_or_above, above, at_or_below or below");
            }
        }
        Level warning = level(f.object("warning"), at + ".warning", problems);
        Level alarm = level(f.object("alarm"), at + ".alarm", problems);
        Level critical = level(f.object("critical"), at + ".critical", problems);
        return new ThresholdSpec(comparison, warning, alarm, critical, f.integer("dwell", 1));
    }

    private static Level level(JsonNode node, String at, List<String> problems) {
        if (node == null) {
            return Level.NONE;
        }
        Fields f = new Fields(node, at, problems).only(Set.of("raise", "clear"));
        double raise = f.number("raise", Double.NaN);
        // A level without a clear value clears where it raises (state codes, flags).
        return new Level(raise, f.number("clear", raise));
    }
}
