package dev.supernodetwin.ingest.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.core.topology.preset.Presets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the suite manifest ({@code evaluation/suite.yaml}): a list of cases, each with name, scenario,
 * preset, duration, period and seed. Every problem is reported with its path, not just the first.
 */
public final class SuiteReader {
    private static final Set<String> CASE_KEYS = Set.of("name", "scenario", "preset", "duration", "period", "seed");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /**
     * Reads a manifest; scenario paths are resolved against its folder.
     *
     * @throws IllegalArgumentException listing every problem
     */
    public List<SuiteCase> read(Path manifest) {
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite " + manifest, e);
        }
        JsonNode list = root == null ? null : root.get("cases");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(manifest + ": needs a non-empty list 'cases'");
        }
        Path base = manifest.toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        List<SuiteCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "cases[" + i + "]";
            SuiteCase c = one(list.get(i), where, base, problems);
            if (c != null && !names.add(c.name())) {
                problems.add(where + ".name: '" + c.name() + "' is used twice");
            } else if (c != null) {
                cases.add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(manifest + ": " + String.join("; ", problems));
        }
        return List.copyOf(cases);
    }

    private static SuiteCase one(JsonNode n, String where, Path base, List<String> problems) {
        int before = problems.size();
        for (Iterator<String> keys = n.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!CASE_KEYS.contains(key)) {
                problems.add(where + "." + key + ": unknown key; expected one of " + new java.util.TreeSet<>(CASE_KEYS));
            }
        }
        String name = text(n, "name", where, problems);
        String scenario = text(n, "scenario", where, problems);
        String preset = text(n, "preset", where, problems);
        if (preset != null && !Presets.names().contains(preset)) {
            problems.add(where + ".preset: unknown preset '" + preset + "'; expected one of " + Presets.names());
        }
        long duration = duration(n, "duration", where, problems);
        long period = duration(n, "period", where, problems);
        JsonNode seed = n.get("seed");
        if (seed == null || !seed.canConvertToLong()) {
            problems.add(where + ".seed: must be an integer");
        }
        if (problems.size() > before) {
            return null;
        }
        return new SuiteCase(name, base.resolve(scenario).normalize(), preset, duration, period, seed.asLong());
    }

    private static String text(JsonNode n, String key, String where, List<String> problems) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(where + "." + key + ": must be a non-empty string");
            return null;
        }
        return v.asText();
    }

    private static long duration(JsonNode n, String key, String where, List<String> problems) {
        String text = text(n, key, where, problems);
        if (text == null) {
            return 0;
        }
        try {
            long millis = Durations.parse(text);
            if (millis > 0) {
                return millis;
            }
            problems.add(where + "." + key + ": must be positive, was " + text);
        } catch (IllegalArgumentException e) {
            problems.add(where + "." + key + ": " + e.getMessage());
        }
        return 0;
    }
}
