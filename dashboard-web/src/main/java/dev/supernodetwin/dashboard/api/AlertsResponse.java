package dev.supernodetwin.dashboard.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.ingest.alerts.AlertEventJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/alerts}: {@code {"events": N, "firing": [...], "recent": [...], "acks": {...}}}, each
 * element an alert event with the field names of wire format §3, exactly as in an alert file. {@code
 * firing} holds the latest event of every alert firing now, {@code recent} the latest events, oldest
 * first, {@code events} how many there were since start, and {@code acks} the acknowledgements by alert id.
 */
final class AlertsResponse {
    private static final JsonFactory JSON = new JsonFactory();

    private AlertsResponse() {
    }

    /** Renders one view; at most a thousand or so small objects, fast enough for the event loop. */
    static byte[] render(AlertBoard.View view, Map<String, AckBoard.Ack> acks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 400 * view.recent().size());
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("events", view.events());
            array(g, "firing", view.firing());
            array(g, "recent", view.recent());
            g.writeObjectFieldStart("acks");
            for (Map.Entry<String, AckBoard.Ack> a : acks.entrySet()) {
                g.writeObjectFieldStart(a.getKey());
                g.writeStringField("by", a.getValue().by());
                g.writeNumberField("at", a.getValue().at());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render alerts", e);
        }
        return out.toByteArray();
    }

    private static void array(JsonGenerator g, String name, List<AlertEvent> events) throws IOException {
        g.writeArrayFieldStart(name);
        for (AlertEvent e : events) {
            AlertEventJson.write(g, e);
        }
        g.writeEndArray();
    }
}
