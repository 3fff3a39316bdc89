package dev.supernodetwin.ingest.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.supernodetwin.core.topology.InvalidTopologyException;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.TopologyProblem;
import dev.supernodetwin.core.topology.TopologyValidator;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a topology document (wire format §1) from JSON or YAML. Every problem is reported, not the
 * first: structural ones (a missing id, {@code "eight"} where lanes belong) with their path, then the
 * core's semantic ones (unknown kinds, dangling references, repeated ids). A semantic problem that
 * only restates a structural one at the same place, or that concerns a reference to a device with a
 * structural problem (a lane of an engine whose {@code lanes} is unreadable), is left out: it would
 * vanish with the fix.
 */
public final class TopologyReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = yamlMapper();
    /** {@code devices[3] (sn01/x).lanes} as the validator writes it, to compare with {@code devices[3].lanes}. */
    private static final Pattern DEVICE_LABEL = Pattern.compile("^(devices\\[\\d+\\]) \\([^)]*\\)");

    private TopologyReader() {
    }

    /**
     * Reads {@code path}, in the format its extension names or, failing that, the one its content looks like.
     *
     * @throws InvalidTopologyException listing every problem, when the document is not valid
     * @throws IOException              when the file cannot be read
     */
    public static TopologyDocument read(Path path) throws IOException {
        String content = Files.readString(path, StandardCharsets.UTF_8);
        return read(content, TopologyFormat.ofPath(path).orElseGet(() -> TopologyFormat.sniff(content)));
    }

    /**
     * Reads a document held in a string.
     *
     * @throws InvalidTopologyException listing every problem, when the document is not valid
     */
    public static TopologyDocument read(String content, TopologyFormat format) {
        JsonNode root;
        try {
            root = (format == TopologyFormat.JSON ? JSON : YAML).readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidTopologyException(List.of(new TopologyProblem("(document)",
                    "not valid " + format + ": " + e.getOriginalMessage() + at(e.getLocation()))));
        }
        DocumentWalker walker = new DocumentWalker();
        TopologyDocument doc = walker.walk(root);
        List<TopologyProblem> problems = new ArrayList<>(walker.problems());
        for (TopologyProblem p : TopologyValidator.validate(doc)) {
            if (!restates(p, walker.problems()) && !followsFrom(p, walker.flawedDevices())) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTopologyException(problems);
        }
        return doc;
    }

    private static boolean restates(TopologyProblem semantic, List<TopologyProblem> structural) {
        String where = DEVICE_LABEL.matcher(semantic.where()).replaceFirst("$1");
        for (TopologyProblem s : structural) {
            String w = s.where();
            if (where.equals(w) || where.startsWith(w + ".") || where.startsWith(w + "[")
                    || "(document)".equals(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a semantic problem is about a reference to a device that is already reported as flawed. */
    private static boolean followsFrom(TopologyProblem semantic, Set<String> flawed) {
        for (String id : flawed) {
            if (semantic.message().contains("'" + id + "'") || semantic.message().contains("'" + id + "#")) {
                return true;
            }
        }
        return false;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        // Generated supernodes of thousands of devices exceed SnakeYAML's 3 MB default.
        options.setCodePointLimit(256 << 20);
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
    }
}
