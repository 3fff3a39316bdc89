package dev.supernodetwin.ingest.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supernodetwin.core.alert.AlertEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads alert events (wire format §3) back from the lines {@link AlertEventWriter} writes. */
public final class AlertEventReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertEventReader() {
    }

    /**
     * Parses one line.
     *
     * @throws IOException when the line is not JSON
     * @throws IllegalArgumentException when a required field is missing or an enum value is unknown
     */
    public static AlertEvent parse(String line) throws IOException {
        JsonNode n = MAPPER.readTree(line);
        JsonNode rc = required(n, "rootCause");
        List<String> affected = new ArrayList<>();
        for (JsonNode a : required(n, "affected")) {
            affected.add(a.asText());
        }
        return new AlertEvent(text(n, "id"), required(n, "ts").asLong(), optionalText(n, "supernode"),
                upper(AlertEvent.State.class, n, "state"), upper(AlertEvent.Kind.class, n, "kind"),
                upper(AlertEvent.Severity.class, n, "severity"), upper(AlertEvent.Category.class, n, "category"),
                text(n, "rule"), text(n, "device"), lane(n),
                new AlertEvent.RootCause(text(rc, "device"), lane(rc), text(rc, "reason")),
                affected, n.hasNonNull("eta") ? OptionalLong.of(n.get("eta").asLong()) : OptionalLong.empty(),
                optionalText(n, "summary"));
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("alert event without " + field);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        return required(n, field).asText();
    }

    private static String optionalText(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static OptionalInt lane(JsonNode n) {
        return n.hasNonNull("lane") ? OptionalInt.of(n.get("lane").asInt()) : OptionalInt.empty();
    }

    private static <E extends Enum<E>> E upper(Class<E> type, JsonNode n, String field) {
        return Enum.valueOf(type, text(n, field).toUpperCase(Locale.ROOT));
    }
}
