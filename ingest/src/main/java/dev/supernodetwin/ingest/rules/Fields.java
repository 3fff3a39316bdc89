package dev.supernodetwin.ingest.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supernodetwin.core.detect.Severity;
import dev.supernodetwin.core.sim.Durations;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the fields of one object of a rules file, adding a problem with its path for each bad one
 * and carrying on, so that a file's every problem is reported together.
 */
final class Fields {
    private final JsonNode node;
    private final String at;
    private final List<String> problems;

    Fields(JsonNode node, String at, List<String> problems) {
        this.node = node;
        this.at = at;
        this.problems = problems;
    }

    /** Adds a problem for each key not in {@code known}. */
    Fields only(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(at + "." + key + ": unknown key; expected one of "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    /** A number, or {@code fallback} when absent ({@code NaN} fallback = required). */
    double number(String key, double fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (Double.isNaN(fallback)) {
                problems.add(at + "." + key + ": missing");
            }
            return fallback;
        }
        if (!v.isNumber()) {
            problems.add(at + "." + key + ": must be a number, was " + v);
            return fallback;
        }
        return v.asDouble();
    }

    /** A whole number, or {@code fallback} when absent. */
    int integer(String key, int fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add(at + "." + key + ": must be a whole number, was " + v);
            return fallback;
        }
        return v.asInt();
    }

    /** A duration ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 14d} or ms), or {@code fallback}. */
    long duration(String key, long fallback, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(at + "." + key + ": missing");
            }
            return fallback;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        try {
            return Durations.parse(v.asText());
        } catch (IllegalArgumentException e) {
            problems.add(at + "." + key + ": " + e.getMessage());
            return fallback;
        }
    }

    /** Text, or {@code fallback} when absent ({@code null} fallback = required). */
    String text(String key, String fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                problems.add(at + "." + key + ": missing");
            }
            return fallback;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(at + "." + key + ": must be non-empty text, was " + v);
            return fallback;
        }
        return v.asText();
    }

    /** A severity name ({@code warning}, {@code alarm}, {@code critical}), or {@code fallback}. */
    int severity(String key, int fallback) {
        String s = text(key, "");
        if (s == null || s.isEmpty()) {
            return fallback;
        }
        for (int level = Severity.WARNING; level <= Severity.CRITICAL; level++) {
            if (Severity.name(level).equals(s.toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        problems.add(at + "." + key + ": unknown severity '" + s + "'; expected warning, alarm or critical");
        return fallback;
    }

    /** A boolean, or {@code fallback} when absent. */
    boolean bool(String key, boolean fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problems.add(at + "." + key + ": must be true or false, was " + v);
            return fallback;
        }
        return v.asBoolean();
    }

    /** The object under {@code key}, or null (after a problem if it is there but not an object). */
    JsonNode object(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            problems.add(at + "." + key + ": must be an object, was " + v);
            return null;
        }
        return v;
    }
}
