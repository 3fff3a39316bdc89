package dev.supernodetwin.ingest.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.supernodetwin.core.topology.DeviceSpec;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.TopologyDocument.FeedSpec;
import dev.supernodetwin.core.topology.TopologyDocument.LinkSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Writes a topology document in the explicit form of wire format §1: keys in the order supernode,
 * devices, feeds, links; each device starting with id and kind, absent attributes left out; whole
 * numbers as integers. JSON puts one device, feed or link per line, as in the spec; YAML uses block
 * style.
 */
public final class TopologyWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private TopologyWriter() {
    }

    /** Writes {@code doc} to {@code path} as YAML for {@code .yaml}/{@code .yml}, otherwise as JSON. */
    public static void write(TopologyDocument doc, Path path) throws IOException {
        TopologyFormat format = TopologyFormat.ofPath(path).orElse(TopologyFormat.JSON);
        Files.writeString(path, format == TopologyFormat.YAML ? toYaml(doc) : toJson(doc), StandardCharsets.UTF_8);
    }

    /** The document as pretty JSON, one device, feed or link per line. */
    public static String toJson(TopologyDocument doc) {
        ObjectNode root = tree(doc);
        StringBuilder sb = new StringBuilder("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            sb.append("  ");
            string(sb, e.getKey());
            sb.append(": ");
            JsonNode v = e.getValue();
            if (v.isArray() && !v.isEmpty()) {
                sb.append("[\n");
                for (int i = 0; i < v.size(); i++) {
                    sb.append("    ");
                    compact(sb, v.get(i));
                    sb.append(i + 1 < v.size() ? ",\n" : "\n");
                }
                sb.append("  ]");
            } else {
                compact(sb, v);
            }
            sb.append(fields.hasNext() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    /** The document as YAML. */
    public static String toYaml(TopologyDocument doc) {
        try {
            return YAML.writeValueAsString(tree(doc));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write topology as YAML", e);
        }
    }

    /** The document as an ordered tree, the single place that decides names, order and omissions. */
    static ObjectNode tree(TopologyDocument doc) {
        ObjectNode root = NODES.objectNode();
        root.put("supernode", doc.supernode());
        ArrayNode devices = root.putArray("devices");
        doc.devices().forEach(d -> devices.add(device(d)));
        ArrayNode feeds = root.putArray("feeds");
        for (FeedSpec f : doc.feeds()) {
            ObjectNode n = feeds.addObject().put("laser", f.laser());
            strings(n.putArray("lanes"), f.lanes());
        }
        ArrayNode links = root.putArray("links");
        for (LinkSpec l : doc.links()) {
            ObjectNode n = links.addObject().put("a", l.a()).put("b", l.b());
            if (!l.via().isEmpty()) {
                strings(n.putArray("via"), l.via());
            }
            n.set("budgetDb", number(l.budgetDb()));
        }
        return root;
    }

    private static ObjectNode device(DeviceSpec d) {
        ObjectNode n = NODES.objectNode().put("id", d.id()).put("kind", d.kind());
        put(n, "form", d.form());
        put(n, "lanes", d.lanes());
        put(n, "laneGbps", d.laneGbps());
        put(n, "host", d.host());
        put(n, "coolant", d.coolant());
        put(n, "loop", d.loop());
        put(n, "lasers", d.lasers());
        put(n, "wavelengthNm", d.wavelengthNm());
        put(n, "ports", d.ports());
        put(n, "designFlowLpm", d.designFlowLpm());
        put(n, "supplyClass", d.supplyClass());
        put(n, "rack", d.rack());
        put(n, "tray", d.tray());
        put(n, "powerW", d.powerW());
        return n;
    }

    private static void put(ObjectNode n, String key, Optional<String> v) {
        v.ifPresent(s -> n.put(key, s));
    }

    private static void put(ObjectNode n, String key, OptionalInt v) {
        v.ifPresent(i -> n.put(key, i));
    }

    private static void put(ObjectNode n, String key, OptionalDouble v) {
        v.ifPresent(x -> n.set(key, number(x)));
    }

    private static JsonNode number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15 && !(x == 0 && 1 / x < 0)) {
            return NODES.numberNode((long) x);
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("cannot write " + x + " in a topology document");
        }
        return NODES.numberNode(x);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** One value on one line: {@code {"id": "x", "kind": "gpu"}}. */
    private static void compact(StringBuilder sb, JsonNode v) {
        if (v.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                string(sb, e.getKey());
                sb.append(": ");
                compact(sb, e.getValue());
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            sb.append('}');
        } else if (v.isArray()) {
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                compact(sb, v.get(i));
            }
            sb.append(']');
        } else if (v.isTextual()) {
            string(sb, v.textValue());
        } else {
            sb.append(v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }
}
