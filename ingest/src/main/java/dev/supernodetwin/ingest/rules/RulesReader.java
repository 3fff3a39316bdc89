package dev.supernodetwin.ingest.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supernodetwin.core.detect.DetectorSpec;
import dev.supernodetwin.core.detect.Rule;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.detect.Transform;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.EngineForm;
import dev.supernodetwin.ingest.document.DocumentTrees;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rules file (YAML, or JSON of the same structure) that overrides {@link RuleSet#defaults()}.
 * A rule replaces the default with the same kind, form, metric, transform and detector (and threshold
 * side); {@code enabled: false} removes it; anything else is added. Every problem in the file is
 * collected, each with its path, before anything is refused. See {@code rules/default-rules.yaml}.
 *
 * <pre>
 * rules:
 *   - id: G-T1
 *     kind: gpu
 *     metric: temp_c
 *     thresholds: {comparison: at_or_above, alarm: {raise: 85, clear: 83}, critical: {raise: 88, clear: 86}}
 * </pre>
 */
public final class RulesReader {
    private static final Set<String> TOP_KEYS = Set.of("rules");
    private static final Set<String> RULE_KEYS;

    static {
        Set<String> keys = new HashSet<>(Set.of("id", "kind", "form", "metric", "transform", "enabled"));
        keys.addAll(DetectorNodes.TYPES);
        RULE_KEYS = Set.copyOf(keys);
    }

    /**
     * Reads a file; {@code .yaml}/{@code .yml} as YAML, anything else as JSON, over the defaults.
     *
     * @throws InvalidRulesException listing every problem
     * @throws UncheckedIOException  when the file cannot be read
     */
    public RuleSet read(Path file) {
        return parse(DocumentTrees.readText(file, "rules"), DocumentTrees.isYaml(file), file.toString());
    }

    /**
     * Parses rules text and applies it over {@link RuleSet#defaults()}.
     *
     * @param source what to call the text in messages, e.g. its file name
     * @throws InvalidRulesException listing every problem
     */
    public RuleSet parse(String text, boolean isYaml, String source) {
        JsonNode root;
        try {
            root = DocumentTrees.parse(text, isYaml);
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(source, List.of("not valid " + DocumentTrees.formatName(isYaml) + ": "
                    + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRulesException(source, List.of("the document must be an object with 'rules'"));
        }
        List<String> problems = new ArrayList<>();
        new Fields(root, "", problems).only(TOP_KEYS);
        List<Rule> overrides = new ArrayList<>();
        Set<Rule.Key> removed = new HashSet<>();
        Map<Rule.Key, String> seen = new HashMap<>();
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray()) {
            problems.add("rules: must be a list (write rules: [] to keep the defaults)");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String at = "rules[" + i + "]";
                Optional<Rule> rule = rule(list.get(i), at, problems);
                if (rule.isEmpty()) {
                    continue;
                }
                Rule r = rule.get();
                String earlier = seen.putIfAbsent(r.key(), at);
                if (earlier != null) {
                    problems.add(at + ": same kind, form, metric, transform and detector as " + earlier);
                }
                if (new Fields(list.get(i), at, problems).bool("enabled", true)) {
                    RuleSet.problemsOf(r).forEach(p -> problems.add(at + ": " + p));
                    overrides.add(r);
                } else {
                    removed.add(r.key());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(source, problems);
        }
        return RuleSet.defaults().without(removed).withOverrides(overrides);
    }

    private static Optional<Rule> rule(JsonNode node, String at, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(at + ": must be an object with id, kind, metric and one detector");
            return Optional.empty();
        }
        int before = problems.size();
        Fields f = new Fields(node, at, problems).only(RULE_KEYS);
        String id = f.text("id", null);
        Optional<DeviceKind> kind = lookup(f.text("kind", null), DeviceKind::fromWireName, at + ".kind", problems);
        Optional<Metric> metric = lookup(f.text("metric", null), Metric::fromWireName, at + ".metric", problems);
        String formName = f.text("form", "");
        Optional<EngineForm> form = formName.isEmpty() ? Optional.empty()
                : lookup(formName, EngineForm::fromWireName, at + ".form", problems);
        Transform transform = transform(f.text("transform", "raw"), at, problems);
        List<String> types = DetectorNodes.TYPES.stream().filter(node::has).toList();
        Optional<DetectorSpec> detector = Optional.empty();
        if (types.size() != 1) {
            problems.add(at + ": needs exactly one detector of " + String.join(", ", DetectorNodes.TYPES)
                    + (types.isEmpty() ? "" : ", has " + String.join(", ", types)));
        } else {
            JsonNode d = f.object(types.get(0));
            if (d != null) {
                detector = DetectorNodes.parse(types.get(0), d, at + "." + types.get(0), problems);
            }
        }
        if (problems.size() > before) {
            // The rule cannot be built, so RuleSet.problemsOf will not see the detector: report its own
            // problems here so that the file's every problem still comes out in one go.
            detector.ifPresent(d -> d.problems().forEach(p -> problems.add(at + ": " + d.typeName() + ": " + p)));
            return Optional.empty();
        }
        return Optional.of(new Rule(id, kind.orElseThrow(), form, metric.orElseThrow(), transform,
                detector.orElseThrow()));
    }

    private static <T> Optional<T> lookup(String name, java.util.function.Function<String, Optional<T>> find,
                                          String at, List<String> problems) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> found = find.apply(name);
        if (found.isEmpty()) {
            problems.add(at + ": unknown '" + name + "'");
        }
        return found;
    }

    private static Transform transform(String name, String at, List<String> problems) {
        try {
            return Transform.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at + ".transform: unknown '" + name + "'; expected raw, log10, fraction_of_design_flow,"
                    + " minus_supply or minus_port_input");
            return Transform.RAW;
        }
    }
}
