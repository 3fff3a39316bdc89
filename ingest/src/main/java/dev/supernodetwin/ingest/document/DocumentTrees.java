package dev.supernodetwin.ingest.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads configuration documents (scenarios, rules) as JSON or YAML trees, so that their readers can
 * walk the tree and report every problem with its path instead of failing on the first.
 */
public final class DocumentTrees {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DocumentTrees() {
    }

    /** Whether a file is YAML by its name ({@code .yaml}, {@code .yml}); anything else is read as JSON. */
    public static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * The text of a file.
     *
     * @param what what the file is, for the message, e.g. {@code "scenario"}
     * @throws UncheckedIOException when it cannot be read
     */
    public static String readText(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file, e);
        }
    }

    /** Parses text as YAML or JSON. */
    public static JsonNode parse(String text, boolean yaml) throws JsonProcessingException {
        return (yaml ? YAML : JSON).readTree(text);
    }

    /** The name of the format, for messages. */
    public static String formatName(boolean yaml) {
        return yaml ? "YAML" : "JSON";
    }
}
