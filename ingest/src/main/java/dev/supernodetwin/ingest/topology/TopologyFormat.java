package dev.supernodetwin.ingest.topology;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats a topology document may be written in; both carry the same structure (wire format §1). */
public enum TopologyFormat {
    JSON, YAML;

    /** The format a file name's extension names ({@code .json}, {@code .yaml}, {@code .yml}), if any. */
    public static Optional<TopologyFormat> ofPath(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }

    /** Guesses from content: JSON when the first non-blank character opens an object or array. */
    public static TopologyFormat sniff(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[' ? JSON : YAML;
        }
        return YAML;
    }
}
