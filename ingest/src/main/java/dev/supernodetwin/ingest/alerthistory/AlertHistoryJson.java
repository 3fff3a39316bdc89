package dev.supernodetwin.ingest.alerthistory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/** One {@link AlertHistoryEntry} as one line of JSON, and back; a line that is not one reads as empty. */
public final class AlertHistoryJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertHistoryJson() {
    }

    /** The entry as a JSON object, without a line break. */
    public static String write(AlertHistoryEntry e) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("ts", e.ts());
            g.writeStringField("state", e.state());
            g.writeStringField("id", e.id());
            g.writeStringField("supernode", e.supernode());
            g.writeStringField("kind", e.kind());
            g.writeStringField("severity", e.severity());
            g.writeStringField("category", e.category());
            g.writeStringField("rule", e.rule());
            g.writeStringField("rootCause", e.rootCause());
            g.writeStringField("device", e.device());
            g.writeStringField("summary", e.summary());
            g.writeStringField("reason", e.reason());
            g.writeNumberField("affectedCount", e.affectedCount());
            g.writeFieldName("eta");
            if (e.eta().isPresent()) {
                g.writeNumber(e.eta().getAsLong());
            } else {
                g.writeNull();
            }
            g.writeStringField("by", e.by());
            g.writeStringField("comment", e.comment());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write alert history entry", ex);
        }
        return out.toString();
    }

    /** The entry a line holds; empty when it is not valid JSON or not a valid entry. */
    public static Optional<AlertHistoryEntry> read(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            if (n == null || !n.isObject() || !n.path("ts").canConvertToExactIntegral()) {
                return Optional.empty();
            }
            JsonNode eta = n.path("eta");
            return Optional.of(new AlertHistoryEntry(n.path("ts").asLong(), text(n, "state"), text(n, "id"),
                    text(n, "supernode"), text(n, "kind"), text(n, "severity"), text(n, "category"),
                    text(n, "rule"), text(n, "rootCause"), text(n, "device"), text(n, "summary"),
                    text(n, "reason"), n.path("affectedCount").asInt(0),
                    eta.isIntegralNumber() ? OptionalLong.of(eta.asLong()) : OptionalLong.empty(),
                    text(n, "by"), text(n, "comment")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : "";
    }
}
