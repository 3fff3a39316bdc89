package dev.supernodetwin.dashboard.live;

import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The supernode's structure as the live page needs it: each section lists devices in the same order as
 * the value arrays of {@link LiveView}, with the rack, tray, host and loop that place them on screen.
 */
public final class TopologyView {
    private TopologyView() {
    }

    /** Builds the structure document once per topology. */
    public static JsonObject of(Topology topo) {
        JsonObject view = new JsonObject().put("supernode", topo.supernode());
        view.put("gpu", devices(topo, DeviceKind.GPU));
        view.put("oe", devices(topo, DeviceKind.OE));
        view.put("laser", lasers(topo));
        view.put("cdu", devices(topo, DeviceKind.CDU));
        view.put("coldplate", devices(topo, DeviceKind.COLDPLATE));
        view.put("leak", devices(topo, DeviceKind.LEAK));
        view.put("counts", new JsonObject()
                .put("devices", topo.deviceCount())
                .put("lanes", topo.laneCount())
                .put("links", topo.links().size()));
        return view;
    }

    private static JsonArray devices(Topology topo, DeviceKind kind) {
        JsonArray out = new JsonArray();
        IntSeq devices = topo.devicesOfKind(kind);
        for (int i = 0; i < devices.size(); i++) {
            Device d = topo.device(devices.get(i));
            JsonObject o = new JsonObject().put("id", d.id().value());
            d.spec().rack().ifPresent(r -> o.put("rack", r));
            d.spec().tray().ifPresent(t -> o.put("tray", t));
            d.form().ifPresent(f -> o.put("form", f.wireName()));
            topo.hostOf(d.index()).ifPresent(h -> o.put("host", topo.device(h).id().value()));
            topo.loopOf(d.index()).ifPresent(l -> o.put("loop", topo.device(l).id().value()));
            if (d.laneCount() > 0) {
                o.put("lanes", d.laneCount());
            }
            out.add(o);
        }
        return out;
    }

    private static JsonArray lasers(Topology topo) {
        JsonArray out = new JsonArray();
        IntSeq els = topo.devicesOfKind(DeviceKind.ELS);
        for (int i = 0; i < els.size(); i++) {
            Device d = topo.device(els.get(i));
            for (int l = 0; l < d.laneCount(); l++) {
                int laser = topo.lane(d.index(), l);
                JsonObject o = new JsonObject().put("id", topo.laneName(laser)).put("lights", topo.litBy(laser).size());
                d.spec().rack().ifPresent(r -> o.put("rack", r));
                d.spec().tray().ifPresent(t -> o.put("tray", t));
                out.add(o);
            }
        }
        return out;
    }
}
