package dev.supernodetwin.ingest.topology;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supernodetwin.core.topology.DeviceSpec;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.TopologyDocument.FeedSpec;
import dev.supernodetwin.core.topology.TopologyDocument.LinkSpec;
import dev.supernodetwin.core.topology.TopologyProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns a parsed JSON/YAML tree into a {@link TopologyDocument}, noting every structural problem (a
 * missing or mistyped field) with its path instead of stopping at the first. Where a required value is
 * missing or unusable it substitutes a blank one, so positions in the document stay as written and
 * semantic validation can still run on the rest.
 */
final class DocumentWalker {
    private final List<TopologyProblem> problems = new ArrayList<>();
    private final Set<String> flawedDevices = new HashSet<>();

    List<TopologyProblem> problems() {
        return problems;
    }

    /** Ids of devices with a structural problem: references to them may fail only because of it. */
    Set<String> flawedDevices() {
        return flawedDevices;
    }

    TopologyDocument walk(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("(document)", "expected an object with supernode and devices, got " + describe(root));
            return new TopologyDocument("", List.of(), List.of(), List.of());
        }
        String supernode = requiredString(root, "supernode", "supernode");
        List<DeviceSpec> devices = new ArrayList<>();
        forEach(root, "devices", true, (node, where) -> devices.add(device(node, where)));
        List<FeedSpec> feeds = new ArrayList<>();
        forEach(root, "feeds", false, (node, where) -> feeds.add(new FeedSpec(
                requiredString(node, "laser", where + ".laser"), strings(node, "lanes", where + ".lanes", true))));
        List<LinkSpec> links = new ArrayList<>();
        forEach(root, "links", false, (node, where) -> links.add(new LinkSpec(
                requiredString(node, "a", where + ".a"), requiredString(node, "b", where + ".b"),
                strings(node, "via", where + ".via", false), budget(node, where + ".budgetDb"))));
        return new TopologyDocument(supernode, devices, feeds, links);
    }

    private interface Element {
        void visit(JsonNode node, String where);
    }

    private void forEach(JsonNode parent, String field, boolean required, Element element) {
        JsonNode array = parent.get(field);
        if (array == null || array.isNull()) {
            if (required) {
                problem(field, "missing; expected an array");
            }
            return;
        }
        if (!array.isArray()) {
            problem(field, "expected an array, got " + describe(array));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            String where = field + "[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problem(where, "expected an object, got " + describe(node));
                continue;
            }
            element.visit(node, where);
        }
    }

    private DeviceSpec device(JsonNode node, String where) {
        int before = problems.size();
        DeviceSpec spec = deviceSpec(node, where);
        if (problems.size() > before && !spec.id().isBlank()) {
            flawedDevices.add(spec.id());
        }
        return spec;
    }

    private DeviceSpec deviceSpec(JsonNode node, String where) {
        DeviceSpec.Builder b = DeviceSpec.builder(requiredString(node, "id", where + ".id"),
                requiredString(node, "kind", where + ".kind"));
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String at = where + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "form" -> string(v, at, b::form);
                case "host" -> string(v, at, b::host);
                case "coolant" -> string(v, at, b::coolant);
                case "loop" -> string(v, at, b::loop);
                case "supplyClass" -> string(v, at, b::supplyClass);
                case "rack" -> string(v, at, b::rack);
                case "tray" -> string(v, at, b::tray);
                case "lanes" -> integer(v, at).ifPresent(b::lanes);
                case "lasers" -> integer(v, at).ifPresent(b::lasers);
                case "ports" -> integer(v, at).ifPresent(b::ports);
                case "laneGbps" -> number(v, at).ifPresent(b::laneGbps);
                case "wavelengthNm" -> number(v, at).ifPresent(b::wavelengthNm);
                case "designFlowLpm" -> number(v, at).ifPresent(b::designFlowLpm);
                case "powerW" -> number(v, at).ifPresent(b::powerW);
                default -> { } // id and kind are read above; unknown attributes are allowed (§1 may grow)
            }
        }
        return b.build();
    }

    private String requiredString(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problem(where, "missing; expected a string");
            return "";
        }
        if (!v.isTextual()) {
            problem(where, "expected a string, got " + describe(v));
            return "";
        }
        return v.textValue();
    }

    private void string(JsonNode v, String where, java.util.function.Consumer<String> set) {
        if (v.isTextual()) {
            set.accept(v.textValue());
        } else if (!v.isNull()) {
            problem(where, "expected a string, got " + describe(v));
        }
    }

    private OptionalInt integer(JsonNode v, String where) {
        if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt()) {
            return OptionalInt.of(v.intValue());
        }
        if (!v.isNull()) {
            problem(where, "expected an integer, got " + describe(v));
        }
        return OptionalInt.empty();
    }

    private OptionalDouble number(JsonNode v, String where) {
        if (v.isNumber() && Double.isFinite(v.doubleValue())) {
            return OptionalDouble.of(v.doubleValue());
        }
        if (!v.isNull()) {
            problem(where, "expected a number, got " + describe(v));
        }
        return OptionalDouble.empty();
    }

    private double budget(JsonNode node, String where) {
        JsonNode v = node.get("budgetDb");
        if (v == null || v.isNull()) {
            problem(where, "missing; expected the link's loss budget in dB");
            return Double.NaN;
        }
        return number(v, where).orElse(Double.NaN);
    }

    private List<String> strings(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            if (required) {
                problem(where, "missing; expected an array of lane references");
            }
            return out;
        }
        if (!v.isArray()) {
            problem(where, "expected an array of lane references, got " + describe(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isTextual()) {
                out.add(e.textValue());
            } else {
                problem(where + "[" + i + "]", "expected a lane reference string, got " + describe(e));
                out.add("");
            }
        }
        return out;
    }

    private void problem(String where, String message) {
        problems.add(new TopologyProblem(where, message));
    }

    /** A value in words: {@code "eight"}, {@code 8.5}, {@code an object}. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        String s = v.toString();
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
