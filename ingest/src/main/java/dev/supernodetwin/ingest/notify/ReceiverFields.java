package dev.supernodetwin.ingest.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supernodetwin.core.sim.Durations;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of one object of a receivers file, expanding {@code ${VAR}} in text from the
 * environment and adding a problem with its path for each bad field, so that every problem of the
 * file is reported together.
 */
final class ReceiverFields {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final JsonNode node;
    private final String at;
    private final Map<String, String> env;
    private final List<String> problems;

    ReceiverFields(JsonNode node, String at, Map<String, String> env, List<String> problems) {
        this.node = node;
        this.at = at;
        this.env = env;
        this.problems = problems;
    }

    /** The path of this object, e.g. {@code receivers[1]}. */
    String at() {
        return at;
    }

    /** The path of {@code key} under this object, e.g. {@code receivers[1].webhook.url}. */
    String path(String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    /** Adds a problem for each key not in {@code known}. */
    ReceiverFields only(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(path(key) + ": unknown key; expected one of "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    /** Text with {@code ${VAR}} expanded; empty when absent (after a problem when {@code required}). */
    Optional<String> text(String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(path(key) + ": missing");
            }
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(path(key) + ": must be non-empty text, was " + v);
            return Optional.empty();
        }
        return expand(v.asText(), path(key));
    }

    /** {@code ${VAR}} in {@code text} replaced from the environment; empty after a problem for each unset one. */
    Optional<String> expand(String text, String where) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null || value.isEmpty()) {
                problems.add(where + ": ${" + m.group(1) + "} is not set in the environment");
                ok = false;
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }

    /** An absolute http or https URL without query or fragment. */
    Optional<URI> url(String key, boolean required) {
        return text(key, required).flatMap(t -> {
            try {
                URI u = new URI(t);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
                        && u.getRawQuery() == null && u.getRawFragment() == null) {
                    return Optional.of(u);
                }
            } catch (URISyntaxException e) {
                // reported below, like any other malformed URL
            }
            problems.add(path(key) + ": '" + t + "' is not an http(s)://host[:port][/path] URL");
            return Optional.empty();
        });
    }

    /** A duration ({@code 500ms}, {@code 60s}, ... or ms) in {@code [min, max]}, or {@code fallback}. */
    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        long ms;
        try {
            ms = v.isIntegralNumber() ? v.asLong() : Durations.parse(v.isTextual() ? v.asText() : v.toString());
        } catch (IllegalArgumentException e) {
            problems.add(path(key) + ": " + e.getMessage());
            return fallback;
        }
        if (ms < min.toMillis() || ms > max.toMillis()) {
            problems.add(path(key) + ": must be between " + Durations.format(min.toMillis()) + " and "
                    + Durations.format(max.toMillis()) + ", was " + v.asText());
            return fallback;
        }
        return Duration.ofMillis(ms);
    }

    /** A whole number in {@code [min, max]}, or {@code fallback}. */
    int integer(String key, int fallback, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            problems.add(path(key) + ": must be a whole number from " + min + " to " + max + ", was " + v);
            return fallback;
        }
        return v.asInt();
    }

    /** The object under {@code key}; empty when absent (after a problem when it is not an object). */
    Optional<JsonNode> object(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            problems.add(path(key) + ": must be an object, was " + v);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The text items of the list under {@code key}; empty when absent (after a problem when malformed). */
    Optional<List<String>> list(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray() || v.isEmpty()) {
            problems.add(path(key) + ": must be a non-empty list, was " + v);
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) {
                out.add(v.get(i).asText());
            } else {
                problems.add(path(key) + "[" + i + "]: must be text, was " + v.get(i));
            }
        }
        return Optional.of(out);
    }
}
