package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;

/** The body of {@code GET /api/device}: one device now, with every sensor and the alerts that name it. */
public final class DeviceJson {
    private DeviceJson() {
    }

    /**
     * @param firing the alerts firing now; those naming the device (as device, root cause or affected) are listed
     */
    public static JsonObject render(SensorLayout layout, StateSnapshot snapshot, List<AlertEvent> firing, int device) {
        Topology topo = layout.topology();
        Device d = topo.device(device);
        JsonObject o = new JsonObject().put("id", d.id().value()).put("kind", d.kind().wireName());
        d.form().ifPresent(f -> o.put("form", f.wireName()));
        topo.hostOf(device).ifPresent(h -> o.put("host", topo.device(h).id().value()));
        topo.loopOf(device).ifPresent(l -> o.put("loop", topo.device(l).id().value()));
        o.put("at", Lookups.eventTime(snapshot));
        JsonArray sensors = new JsonArray();
        for (Metric m : d.kind().deviceMetrics()) {
            sensors.add(sensor(snapshot, layout.sensor(device, m), m, null));
        }
        for (int lane = 0; lane < d.laneCount(); lane++) {
            for (Metric m : d.kind().laneMetrics()) {
                JsonObject s = sensor(snapshot, layout.laneSensor(device, lane, m), m, lane);
                opticalContext(topo, topo.lane(device, lane), s);
                sensors.add(s);
            }
        }
        o.put("sensors", sensors);
        if (d.kind() == DeviceKind.GPU || d.kind() == DeviceKind.SWITCH) {
            JsonArray engines = new JsonArray();
            IntSeq es = topo.enginesOf(device);
            for (int i = 0; i < es.size(); i++) {
                engines.add(topo.device(es.get(i)).id().value());
            }
            o.put("engines", engines);
        }
        return o.put("alerts", alerts(firing, d.id().value()));
    }

    private static JsonObject sensor(StateSnapshot snapshot, int sensor, Metric m, Integer lane) {
        long time = snapshot.time(sensor);
        return new JsonObject().put("metric", m.wireName()).put("lane", lane).put("unit", m.unit().symbol())
                .put("value", Lookups.fresh(snapshot, sensor)).put("time", time == Long.MIN_VALUE ? null : time)
                .put("freshness", snapshot.freshness(sensor).name().toLowerCase(Locale.ROOT));
    }

    /** An engine lane names the laser that lights it and the link it is an end of. */
    private static void opticalContext(Topology topo, int lane, JsonObject s) {
        topo.laserOf(lane).ifPresent(l -> s.put("laser", topo.laneName(l)));
        topo.linkOf(lane).ifPresent(l -> s.put("link", Lookups.linkId(topo, l)));
    }

    private static JsonArray alerts(List<AlertEvent> firing, String id) {
        JsonArray out = new JsonArray();
        for (AlertEvent e : firing) {
            if (names(e, id)) {
                out.add(Lookups.event(e));
            }
        }
        return out;
    }

    /** Whether an alert names the device itself or one of its lanes. */
    static boolean names(AlertEvent e, String id) {
        if (e.device().equals(id) || e.rootCause().device().equals(id)) {
            return true;
        }
        String lanePrefix = id + "#";
        return e.affected().stream().anyMatch(a -> a.equals(id) || a.startsWith(lanePrefix));
    }
}
