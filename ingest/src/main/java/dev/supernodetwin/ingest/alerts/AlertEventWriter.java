package dev.supernodetwin.ingest.alerts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.ingest.ndjson.NdjsonLines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes alert events (wire format §3) as NDJSON, one event per line, for {@code --alerts-out}. The
 * output is deterministic so two runs over the same telemetry give byte-identical files: keys always in
 * the order of §3 ({@code id, ts, supernode, state, kind, severity, category, rule, device, lane,
 * rootCause{device, lane, reason}, affected, eta, summary}), absent values written as {@code null},
 * enums in lower case, and only integers as numbers. Not thread-safe: the twin's writer thread calls it.
 */
public final class AlertEventWriter implements AlertSink, AutoCloseable {
    private final NdjsonLines lines;

    private AlertEventWriter(NdjsonLines lines) {
        this.lines = lines;
    }

    /** Creates (or truncates) {@code path}, so the file exists even if no alert is ever written. */
    public static AlertEventWriter create(Path path) throws IOException {
        return new AlertEventWriter(NdjsonLines.create(path, "alert events"));
    }

    /**
     * Writes one event as one line.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    @Override
    public void onAlert(AlertEvent e) {
        lines.write(g -> write(g, e));
    }

    private static void write(JsonGenerator g, AlertEvent e) throws IOException {
        g.writeStartObject();
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
        g.writeEndObject();
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

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Events written. */
    public long written() {
        return lines.written();
    }

    /** Flushes what is buffered to the file. */
    public void flush() throws IOException {
        lines.flush();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
