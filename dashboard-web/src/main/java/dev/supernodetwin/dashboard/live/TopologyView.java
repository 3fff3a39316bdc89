package dev.supernodetwin.dashboard.live;

import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.dashboard.api.RuleThresholds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The supernode's structure as the live page needs it: each section lists devices in the same order as
 * the value arrays of {@link LiveView}, with the rack, tray, host and loop that place them on screen, and
 * the thresholds of the rules in force ({@code docs/dashboard.md}, {@code GET /api/topology}).
 */
public final class TopologyView {
    private TopologyView() {
    }

    /** Builds the structure document once per topology and rule set. */
    public static JsonObject of(Topology topo, RuleSet rules) {
        JsonObject view = new JsonObject().put("supernode", topo.supernode());
        view.put("gpu", devices(topo, DeviceKind.GPU));
        view.put("switch", devices(topo, DeviceKind.SWITCH));
        view.put("oe", devices(topo, DeviceKind.OE));
        view.put("laser", lasers(topo));
        view.put("ocsPort", ocsPorts(topo));
        view.put("cdu", devices(topo, DeviceKind.CDU));
        view.put("coldplate", devices(topo, DeviceKind.COLDPLATE));
        view.put("leak", devices(topo, DeviceKind.LEAK));
        view.put("thresholds", RuleThresholds.all(rules));
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
            cooling(topo, d, o);
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

    /** A GPU or switch names its cold plate; a cold plate names the device it cools (one per plate). */
    private static void cooling(Topology topo, Device d, JsonObject o) {
        if (d.kind() == DeviceKind.COLDPLATE) {
            IntSeq cooled = topo.cooledBy(d.index());
            if (!cooled.isEmpty()) {
                o.put("cools", topo.device(cooled.get(0)).id().value());
            }
        } else if (d.kind() == DeviceKind.GPU || d.kind() == DeviceKind.SWITCH) {
            topo.coolantOf(d.index()).stream().filter(c -> topo.device(c).kind() == DeviceKind.COLDPLATE)
                    .forEach(c -> o.put("coldplate", topo.device(c).id().value()));
        }
    }

    private static JsonArray ocsPorts(Topology topo) {
        JsonArray out = new JsonArray();
        IntSeq switches = topo.devicesOfKind(DeviceKind.OCS);
        for (int i = 0; i < switches.size(); i++) {
            Device d = topo.device(switches.get(i));
            for (int l = 0; l < d.laneCount(); l++) {
                int port = topo.lane(d.index(), l);
                out.add(new JsonObject().put("id", topo.laneName(port))
                        .put("crossConnect", topo.laneName(topo.crossConnectOf(port)))
                        .put("links", topo.linksThrough(port).size()));
            }
        }
        return out;
    }
}
