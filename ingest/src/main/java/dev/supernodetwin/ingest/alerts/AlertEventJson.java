package dev.supernodetwin.ingest.alerts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.supernodetwin.core.alert.AlertEvent;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One alert event as a JSON object in wire format §3. Keys always come in the order of §3 ({@code id,
 * ts, supernode, state, kind, severity, category, rule, device, lane, rootCause{device, lane, reason},
 * affected, eta, summary}), absent values as {@code null}, enums in lower case and only integers as
 * numbers, so that the same event always gives the same bytes, in a file or over HTTP.
 */
public final class AlertEventJson {
    private AlertEventJson() {
    }

    /** Writes {@code e} as one JSON object to {@code g}. */
    public static void write(JsonGenerator g, AlertEvent e) throws IOException {
        g.writeStartObject();
        writeFields(g, e);
        g.writeEndObject();
    }

    /**
     * Writes the fields of {@code e} into an object the caller has started, so that an API response can
     * add its own fields (such as {@code silenced}) after them without changing what files hold.
     */
    public static void writeFields(JsonGenerator g, AlertEvent e) throws IOException {
        g.writeStringField("id", e.id());
        g.writeNumberField("ts", e.ts());
        nullableString(g, "supernode", e.supernode());
        g.writeStringField("state", lower(e.state()));
        g.writeStringField("kind", lower(e.kind()));
        g.writeStringField("severity", lower(e.severity()));
        g.writeStringField("category", lower(e.category()));
        g.writeStringField("rule", e.rule());
        g.writeStringField("device", e.device());
        lane(g, e.lane());
        g.writeObjectFieldStart("rootCause");
        g.writeStringField("device", e.rootCause().device());
        lane(g, e.rootCause().lane());
        g.writeStringField("reason", e.rootCause().reason());
        g.writeEndObject();
        g.writeArrayFieldStart("affected");
        for (String a : e.affected()) {
            g.writeString(a);
        }
        g.writeEndArray();
        OptionalLong eta = e.eta();
        g.writeFieldName("eta");
        if (eta.isPresent()) {
            g.writeNumber(eta.getAsLong());
        } else {
            g.writeNull();
        }
        nullableString(g, "summary", e.summary());
    }

    /** The wire name of an alert enum value: its name in lower case. */
    public static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static void lane(JsonGenerator g, OptionalInt lane) throws IOException {
        g.writeFieldName("lane");
        if (lane.isPresent()) {
            g.writeNumber(lane.getAsInt());
        } else {
            g.writeNull();
        }
    }

    private static void nullableString(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
