package dev.supernodetwin.dashboard.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.silence.Silence;
import dev.supernodetwin.ingest.alerts.AlertEventJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
        return render(view, acks, e -> Optional.empty());
    }

    /**
     * Renders one view; an event whose root cause a silence covers gets {@code "silenced": {"id", "target"}}
     * after the wire-format fields (only here: alert files keep the wire format).
     */
    static byte[] render(AlertBoard.View view, Map<String, AckBoard.Ack> acks,
                         Function<AlertEvent, Optional<Silence>> silenced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 400 * view.recent().size());
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("events", view.events());
            array(g, "firing", view.firing(), silenced);
            array(g, "recent", view.recent(), silenced);
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

    private static void array(JsonGenerator g, String name, List<AlertEvent> events,
                              Function<AlertEvent, Optional<Silence>> silenced) throws IOException {
        g.writeArrayFieldStart(name);
        for (AlertEvent e : events) {
            g.writeStartObject();
            AlertEventJson.writeFields(g, e);
            Optional<Silence> s = silenced.apply(e);
            if (s.isPresent()) {
                g.writeObjectFieldStart("silenced");
                g.writeStringField("id", s.get().id());
                g.writeStringField("target", s.get().target().text());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
