package dev.supernodetwin.ingest.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.ingest.document.DocumentTrees;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads scenario files (JSON, or YAML of the same structure) into a {@link Scenario}. Every problem in
 * the file is collected, each with its path, before anything is refused; whether the targets exist
 * in a topology is {@link Scenario#validate}'s job.
 *
 * <pre>
 * seed: 42
 * faults:
 *   - fault: F3                # code or slug
 *     target: sn01/t01/els0#0
 *     onset: 10m               # 500ms, 30s, 10m, 2h, 1d or a number of ms
 *     duration: 5m             # optional
 *     magnitude: 2.0           # optional
 *     mode: spike              # optional
 * </pre>
 */
public final class ScenarioReader {
    private static final Set<String> TOP_KEYS = Set.of("seed", "faults");
    private static final Set<String> FAULT_KEYS = Set.of("fault", "target", "onset", "duration", "magnitude", "mode");

    /**
     * Reads a file; {@code .yaml}/{@code .yml} as YAML, anything else as JSON.
     *
     * @throws InvalidScenarioException listing every problem
     * @throws UncheckedIOException     when the file cannot be read
     */
    public ScenarioDocument read(Path file) {
        return parse(DocumentTrees.readText(file, "scenario"), DocumentTrees.isYaml(file), file.toString());
    }

    /**
     * Parses scenario text.
     *
     * @param source what to call the text in messages, e.g. its file name
     * @throws InvalidScenarioException listing every problem
     */
    public ScenarioDocument parse(String text, boolean isYaml, String source) {
        JsonNode root;
        try {
            root = DocumentTrees.parse(text, isYaml);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(source, List.of("not valid " + DocumentTrees.formatName(isYaml) + ": "
                    + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidScenarioException(source, List.of("the document must be an object with 'faults'"));
        }
        unknownKeys(root, TOP_KEYS, "", problems);
        OptionalLong seed = OptionalLong.empty();
        if (root.has("seed")) {
            if (root.get("seed").canConvertToLong() && root.get("seed").isIntegralNumber()) {
                seed = OptionalLong.of(root.get("seed").asLong());
            } else {
                problems.add("seed: must be an integer, was " + root.get("seed"));
            }
        }
        List<FaultSpec> faults = new ArrayList<>();
        JsonNode list = root.get("faults");
        if (list == null || list.isNull()) {
            problems.add("faults: missing; write faults: [] for a healthy run");
        } else if (!list.isArray()) {
            problems.add("faults: must be a list");
        } else {
            for (int i = 0; i < list.size(); i++) {
                fault(list.get(i), "faults[" + i + "]", problems).ifPresent(faults::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(source, problems);
        }
        return new ScenarioDocument(seed, new Scenario(faults));
    }

    private static Optional<FaultSpec> fault(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": must be an object with fault, target and onset");
            return Optional.empty();
        }
        int before = problems.size();
        unknownKeys(node, FAULT_KEYS, at + ".", problems);
        Optional<FaultType> type = text(node, "fault", at, problems, true).flatMap(t -> {
            Optional<FaultType> parsed = FaultType.parse(t);
            if (parsed.isEmpty()) {
                problems.add(at + ".fault: unknown fault '" + t + "'; use a code F1..F19 or its slug");
            }
            return parsed;
        });
        Optional<String> target = text(node, "target", at, problems, true);
        OptionalLong onset = duration(node, "onset", at, problems, true);
        OptionalLong duration = duration(node, "duration", at, problems, false);
        OptionalDouble magnitude = OptionalDouble.empty();
        if (node.has("magnitude")) {
            if (node.get("magnitude").isNumber()) {
                magnitude = OptionalDouble.of(node.get("magnitude").asDouble());
            } else {
                problems.add(at + ".magnitude: must be a number, was " + node.get("magnitude"));
            }
        }
        Optional<String> mode = text(node, "mode", at, problems, false);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FaultSpec(type.orElseThrow(), target.orElseThrow(), onset.orElseThrow(), duration,
                magnitude, mode));
    }

    private static Optional<String> text(JsonNode node, String key, String at, List<String> problems,
                                         boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(at + "." + key + ": missing");
            }
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(at + "." + key + ": must be a non-empty string, was " + v);
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    private static OptionalLong duration(JsonNode node, String key, String at, List<String> problems,
                                         boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(at + "." + key + ": missing");
            }
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber()) {
            return OptionalLong.of(v.asLong());
        }
        try {
            return OptionalLong.of(Durations.parse(v.asText()));
        } catch (IllegalArgumentException e) {
            problems.add(at + "." + key + ": " + e.getMessage());
            return OptionalLong.empty();
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(prefix + key + ": unknown key; expected one of " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}
