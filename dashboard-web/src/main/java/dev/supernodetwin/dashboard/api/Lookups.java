package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Link;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.ingest.alerts.AlertEventJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Resolving ids from requests to topology indices, and the small JSON pieces several resources share. */
public final class Lookups {
    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    private Lookups() {
    }

    /** A device by id, or {@code 404 device.unknown}. */
    public static int device(Topology topo, String id) {
        return topo.indexOf(id).orElseThrow(() -> new ApiProblem(404, "device.unknown", "no device '" + id
                + "' in supernode " + topo.supernode()));
    }

    /** A lane ({@code DEVICE#N}) of a device of {@code kind}, or {@code 404 lane.unknown}. */
    public static int lane(Topology topo, String ref, DeviceKind kind) {
        int lane = topo.lane(ref).orElseThrow(() -> new ApiProblem(404, "lane.unknown", "no lane '" + ref
                + "' in supernode " + topo.supernode() + " (lanes are written DEVICE#N)"));
        if (topo.device(topo.laneDevice(lane)).kind() != kind) {
            throw new ApiProblem(404, "lane.unknown", "'" + ref + "' is not a lane of a " + kind.wireName());
        }
        return lane;
    }

    /** A metric by wire name, or {@code 400 metric.unknown}. */
    public static Metric metric(String name) {
        return Metric.fromWireName(name).orElseThrow(() -> new ApiProblem(400, "metric.unknown",
                "no metric '" + name + "'"));
    }

    /** The latest snapshot, or {@code 503 twin.no-data-yet}. */
    public static StateSnapshot snapshot(SnapshotBoard board) {
        return board.latest().orElseThrow(() -> new ApiProblem(503, "twin.no-data-yet",
                "the twin has not published a snapshot yet"));
    }

    /**
     * The {@code at} of an answer: the snapshot's event time (its watermark), or the time it was taken
     * before any telemetry arrived.
     */
    public static long eventTime(StateSnapshot snapshot) {
        return snapshot.watermark() == Long.MIN_VALUE ? snapshot.takenAt() : snapshot.watermark();
    }

    /** A link's id, its two ends joined by {@code ~}. */
    public static String linkId(Topology topo, Link link) {
        return topo.laneName(link.laneA()) + "~" + topo.laneName(link.laneB());
    }

    /** {@code {"id", "a", "b", "ports": [...]}}. */
    public static JsonObject link(Topology topo, Link link) {
        JsonArray ports = new JsonArray();
        for (int i = 0; i < link.via().size(); i++) {
            ports.add(topo.laneName(link.via().get(i)));
        }
        return new JsonObject().put("id", linkId(topo, link)).put("a", topo.laneName(link.laneA()))
                .put("b", topo.laneName(link.laneB())).put("ports", ports);
    }

    /** A sensor's value for JSON: the number when fresh, else null. */
    public static Double fresh(StateSnapshot snapshot, int sensor) {
        double v = snapshot.freshValue(sensor);
        return Double.isFinite(v) ? v : null;
    }

    /** An alert event in wire format §3, as in alert files and {@code /api/alerts}. */
    public static JsonObject event(AlertEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (var g = JSON.createGenerator(out)) {
            AlertEventJson.write(g, e);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot render alert " + e.id(), x);
        }
        return new JsonObject(io.vertx.core.buffer.Buffer.buffer(out.toByteArray()));
    }
}
