package dev.supernodetwin.app.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Kind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.supernodetwin.ingest.alerts.AlertEventJson.lower;

/**
 * Twin alerts as Alertmanager v2 alerts ({@code POST /api/v2/alerts}, a JSON array), as
 * {@code docs/alerting.md} "Notifications" specifies: labels that identify the alert, annotations
 * that describe it, its start and end, and a deep link into the dashboard.
 */
final class AlertmanagerAlerts {
    /** Most affected components named in the annotation; the rest are counted. */
    static final int AFFECTED_SHOWN = 50;
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One alert as posted.
     *
     * @param labels       what identifies it in Alertmanager
     * @param annotations  what describes it
     * @param startsAt     first firing event time, epoch ms
     * @param endsAt       when it ends (the resolve time), or until when it holds unless renewed, epoch ms
     * @param generatorUrl deep link into the dashboard
     */
    record Posted(Map<String, String> labels, Map<String, String> annotations, long startsAt, long endsAt,
                  String generatorUrl) {
    }

    private final String dashboard;

    /** @param dashboardUrl base of the deep links, e.g. {@code http://twin.example:8080/} */
    AlertmanagerAlerts(URI dashboardUrl) {
        String base = dashboardUrl.toString();
        this.dashboard = base.endsWith("/") ? base : base + "/";
    }

    /** {@code e} as an Alertmanager alert from {@code startsAt} to {@code endsAt}. */
    Posted of(AlertEvent e, long startsAt, long endsAt) {
        return new Posted(labels(e), annotations(e), startsAt, endsAt,
                dashboard + (e.supernode() == null ? "" : "?sn=" + URLEncoder.encode(e.supernode(), StandardCharsets.UTF_8))
                        + "#/alerts?id=" + URLEncoder.encode(e.id(), StandardCharsets.UTF_8));
    }

    /** The labels: the same for every event of an alert unless its severity, kind or category changes. */
    static Map<String, String> labels(AlertEvent e) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("alertname", e.rule());
        l.put("severity", lower(e.severity()));
        l.put("category", lower(e.category()));
        l.put("kind", lower(e.kind()));
        if (e.supernode() != null && !e.supernode().isEmpty()) {
            l.put("supernode", e.supernode());
        }
        l.put("device", e.device());
        AlertEvent.RootCause root = e.rootCause();
        l.put("root_cause", root.device() + (root.lane().isPresent() ? "#" + root.lane().getAsInt() : ""));
        l.put("alert_id", e.id());
        return l;
    }

    static Map<String, String> annotations(AlertEvent e) {
        Map<String, String> a = new LinkedHashMap<>();
        if (e.summary() != null && !e.summary().isEmpty()) {
            a.put("summary", e.summary());
        }
        a.put("reason", e.rootCause().reason());
        a.put("affected", affected(e.affected()));
        a.put("affected_count", Integer.toString(e.affected().size()));
        if (e.kind() == Kind.PREDICTION && e.eta().isPresent()) {
            a.put("eta", Instant.ofEpochMilli(e.eta().getAsLong()).toString());
        }
        return a;
    }

    /** At most {@value #AFFECTED_SHOWN} names, comma-separated, then {@code … and N more}. */
    static String affected(List<String> affected) {
        if (affected.size() <= AFFECTED_SHOWN) {
            return String.join(", ", affected);
        }
        return String.join(", ", affected.subList(0, AFFECTED_SHOWN)) + " … and " + (affected.size() - AFFECTED_SHOWN)
                + " more";
    }

    /** The request body: a JSON array of the alerts. */
    static byte[] body(List<Posted> alerts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Posted p : alerts) {
                g.writeStartObject();
                stringMap(g, "labels", p.labels());
                stringMap(g, "annotations", p.annotations());
                g.writeStringField("startsAt", Instant.ofEpochMilli(p.startsAt()).toString());
                g.writeStringField("endsAt", Instant.ofEpochMilli(p.endsAt()).toString());
                g.writeStringField("generatorURL", p.generatorUrl());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an Alertmanager body", e);
        }
        return out.toByteArray();
    }

    private static void stringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            g.writeStringField(entry.getKey(), entry.getValue());
        }
        g.writeEndObject();
    }
}
