package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Link;
import dev.supernodetwin.core.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Blast radius of a laser and the links through an OCS port, straight from the topology's indices. */
public final class OpticsJson {
    private OpticsJson() {
    }

    /**
     * {@code {"laser", "lanes", "links", "gpus"}}: the engine lanes the laser lights, the links they are
     * on, and the hosts (GPU or switch) at both ends of those links.
     */
    public static JsonObject laser(Topology topo, int laser) {
        IntSeq lit = topo.litBy(laser);
        JsonArray lanes = new JsonArray();
        Set<Link> links = new LinkedHashSet<>();
        for (int i = 0; i < lit.size(); i++) {
            lanes.add(topo.laneName(lit.get(i)));
            topo.linkOf(lit.get(i)).ifPresent(links::add);
        }
        Set<String> hosts = new LinkedHashSet<>();
        JsonArray linkJson = new JsonArray();
        for (Link l : links) {
            linkJson.add(Lookups.link(topo, l));
            host(topo, l.laneA()).ifPresent(hosts::add);
            host(topo, l.laneB()).ifPresent(hosts::add);
        }
        return new JsonObject().put("laser", topo.laneName(laser)).put("lanes", lanes).put("links", linkJson)
                .put("gpus", new JsonArray(hosts.stream().map(Object.class::cast).toList()));
    }

    /**
     * {@code {"port", "crossConnect", "links", "lanes", "switching"}}; {@code switching} is whether the
     * port reports a reconfiguration in progress now (false when not fresh).
     */
    public static JsonObject ocsPort(SensorLayout layout, Optional<StateSnapshot> snapshot, int port) {
        Topology topo = layout.topology();
        IntSeq through = topo.linksThrough(port);
        JsonArray links = new JsonArray();
        JsonArray lanes = new JsonArray();
        for (int i = 0; i < through.size(); i++) {
            Link l = topo.links().get(through.get(i));
            links.add(Lookups.link(topo, l));
            lanes.add(topo.laneName(l.laneA())).add(topo.laneName(l.laneB()));
        }
        int sensor = layout.laneSensor(port, Metric.SWITCHING);
        boolean switching = snapshot.map(s -> s.freshValue(sensor) >= 0.5).orElse(false);
        return new JsonObject().put("port", topo.laneName(port))
                .put("crossConnect", topo.laneName(topo.crossConnectOf(port))).put("links", links)
                .put("lanes", lanes).put("switching", switching);
    }

    private static Optional<String> host(Topology topo, int lane) {
        int engine = topo.laneDevice(lane);
        return topo.hostOf(engine).stream().mapToObj(h -> topo.device(h).id().value()).findFirst();
    }
}
