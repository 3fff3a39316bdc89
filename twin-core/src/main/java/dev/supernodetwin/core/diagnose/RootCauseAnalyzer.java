package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Link;
import dev.supernodetwin.core.topology.Topology;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the symptoms of one evaluation into root causes over the topology (domain §7.1): one
 * {@link Finding} per blamed component, with the symptoms it explains.
 *
 * <p>Optical symptoms are localised along the light's path, from the source: a lane receiving too
 * little light is explained by the first element upstream that shows a fault of its own (the laser
 * that lights the far end, the far end's launch, an OCS cross-connect's loss, an engine running hot),
 * and only when nothing upstream does, by the lane's own fibre or connector. Launch faults shared by
 * most of a laser's lanes are the laser's (coupling or output, told apart by the laser's own
 * readings), shared by most of an engine's lanes across lasers the engine's, and lasers failing
 * together on one source are the source's. Heat is localised the same way: a loop whose CDU is
 * unwell, or on which most chips warm together, is the CDU's (or a leak's on that loop); one chip
 * warming apart from its peers is its cold plate's; an engine warming while its host is fine is the
 * engine's.
 */
final class RootCauseAnalyzer {
    /** Share of a component's lanes that must show a symptom for the component to be blamed. */
    static final double MAJORITY = 0.5;

    private final SensorLayout layout;
    private final Topology topo;
    private final Symptoms sy;
    private final Map<String, Finding> findings = new LinkedHashMap<>();

    RootCauseAnalyzer(SensorLayout layout, Symptoms symptoms) {
        this.layout = layout;
        this.topo = layout.topology();
        this.sy = symptoms;
    }

    /** Root causes of the current symptoms, by key. */
    Map<String, Finding> analyze() {
        findings.clear();
        cooling();
        thermal();
        optical();
        gpus();
        return findings;
    }

    // ---- cooling and heat ---------------------------------------------------------------------

    private void cooling() {
        for (int leak : sy.leaks.keySet()) {
            Finding f = leakFinding(leak);
            f.symptom(name(leak), sy.leaks.get(leak));
            topo.loopOf(leak).ifPresent(c -> f.affected.add(name(c)));
        }
        for (var e : sy.cdus.entrySet()) {
            cduRoot(e.getKey()).symptom(name(e.getKey()), e.getValue());
        }
        for (var e : sy.plates.entrySet()) {
            int p = e.getKey();
            OptionalInt c = topo.loopOf(p);
            Finding f = c.isPresent() && loopUnwell(c.getAsInt()) ? cduRoot(c.getAsInt())
                    : device(p, Category.THERMAL, "cold_plate", "cold plate flow below its baseline");
            f.symptom(name(p), e.getValue());
        }
    }

    /** The finding for trouble on a CDU's loop: a leak on it when there is one, else the CDU. */
    private Finding cduRoot(int cdu) {
        int leak = leakOn(cdu);
        return leak >= 0 ? leakFinding(leak) : device(cdu, Category.COOLING, "cdu", "coolant distribution unit out of its operating range");
    }

    private Finding leakFinding(int leak) {
        return device(leak, Category.COOLING, "leak", "leak sensor reports liquid");
    }

    private boolean loopUnwell(int cdu) {
        return sy.cdus.containsKey(cdu) || sy.hotLoops.contains(cdu) || leakOn(cdu) >= 0;
    }

    /** A wet leak sensor on the CDU's loop, or −1. */
    private int leakOn(int cdu) {
        for (int leak : sy.leaks.keySet()) {
            OptionalInt loop = topo.loopOf(leak);
            if (loop.isPresent() && loop.getAsInt() == cdu) {
                return leak;
            }
        }
        return -1;
    }

    private void thermal() {
        for (var e : sy.hot.entrySet()) {
            thermalRoot(e.getKey()).symptom(name(e.getKey()), e.getValue());
        }
    }

    /** Where the heat of a warm device comes from. */
    Finding thermalRoot(int d) {
        OptionalInt loop = topo.loopOf(d);
        if (loop.isPresent() && loopUnwell(loop.getAsInt())) {
            return cduRoot(loop.getAsInt());
        }
        DeviceKind kind = topo.device(d).kind();
        if (kind == DeviceKind.OE) {
            OptionalInt host = topo.hostOf(d);
            if (host.isPresent() && sy.hot.containsKey(host.getAsInt())) {
                return thermalRoot(host.getAsInt());
            }
            return device(d, Category.THERMAL, "engine", "optical engine running hot while its host is cool");
        }
        OptionalInt plate = topo.coolantOf(d);
        if (plate.isPresent() && topo.device(plate.getAsInt()).kind() == DeviceKind.COLDPLATE) {
            return device(plate.getAsInt(), Category.THERMAL, "cold_plate",
                    name(d) + " warming apart from its peers while the loop is fine");
        }
        return device(d, Category.THERMAL, "device", "warming apart from its peers while the loop is fine");
    }

    // ---- optics -------------------------------------------------------------------------------

    private void optical() {
        Map<Integer, Finding> laneRoots = new HashMap<>();
        for (var e : sy.lasers.entrySet()) {
            laserFinding(e.getKey()).symptom(topo.laneName(e.getKey()), e.getValue());
        }
        for (var e : sy.ports.entrySet()) {
            portFinding(e.getKey()).symptom(topo.laneName(e.getKey()), e.getValue());
        }
        for (var e : sy.fed.entrySet()) {
            Finding f = launchRoot(e.getKey(), laneRoots);
            f.symptom(topo.laneName(e.getKey()), e.getValue());
        }
        for (var e : sy.tx.entrySet()) {
            Finding f = launchRoot(e.getKey(), laneRoots);
            f.symptom(topo.laneName(e.getKey()), e.getValue());
        }
        for (var e : sy.rx.entrySet()) {
            Finding f = receiveRoot(e.getKey(), laneRoots);
            f.symptom(topo.laneName(e.getKey()), e.getValue());
        }
        groupLaneRoots(laneRoots);
        groupLasers();
    }

    /**
     * The root of a launch-side symptom on engine lane {@code l}. Light missing at the engine's input
     * (laser input power) is the laser's or its coupling's: the laser's when most lanes it lights
     * miss it. Light present at the input but not launched is the engine's modulator side: the
     * engine's when most of its lanes fail to launch, else the lane's.
     */
    private Finding launchRoot(int l, Map<Integer, Finding> laneRoots) {
        OptionalInt laser = topo.laserOf(l);
        if (laser.isPresent()) {
            int lz = laser.getAsInt();
            IntSeq lit = topo.litBy(lz);
            if (sy.lasers.containsKey(lz) || sy.fed.containsKey(l) && count(lit, sy.fed) >= 2
                    && share(lit, sy.fed) >= MAJORITY) {
                return laserFinding(lz);
            }
            if (sy.fed.containsKey(l)) {
                return laneRoots.computeIfAbsent(l, x -> lane(l, "lane gets too little light from laser "
                        + topo.laneName(lz) + ", which reads normal: its fibre or coupling"));
            }
        }
        int e = topo.laneDevice(l);
        if (sy.hot.containsKey(e)) {
            return thermalRoot(e);
        }
        if (count(lanesOf(e), sy.tx) >= 2 && share(lanesOf(e), sy.tx) >= MAJORITY) {
            Finding f = device(e, Category.OPTICAL, "engine", "most lanes of this engine launch too little light"
                    + " while the light reaching them reads normal");
            f.tentative = true;
            return f;
        }
        return laneRoots.computeIfAbsent(l, x -> lane(l, "lane launches too little light"));
    }

    /** The root of a receive-side symptom on engine lane {@code l}: the first faulty element upstream. */
    private Finding receiveRoot(int l, Map<Integer, Finding> laneRoots) {
        Optional<Link> link = topo.linkOf(l);
        if (link.isEmpty()) {
            return laneRoots.computeIfAbsent(l, x -> lane(l, "lane receives too little light"));
        }
        int far = link.get().otherEnd(l);
        OptionalInt laser = topo.laserOf(far);
        if (sy.tx.containsKey(far) || sy.fed.containsKey(far)
                || laser.isPresent() && sy.lasers.containsKey(laser.getAsInt())) {
            return launchRoot(far, laneRoots);
        }
        IntSeq via = link.get().via();
        for (int i = 0; i < via.size(); i++) {
            if (sy.ports.containsKey(via.get(i))) {
                return portFinding(via.get(i));
            }
        }
        int e = topo.laneDevice(l);
        int fe = topo.laneDevice(far);
        if (sy.hot.containsKey(fe)) {
            return thermalRoot(fe);
        }
        if (sy.hot.containsKey(e)) {
            return thermalRoot(e);
        }
        return laneRoots.computeIfAbsent(l, x -> lane(l, "lane receives less light than before; its source,"
                + " launch and path read normal: fibre or connector"));
    }

    /**
     * Lane-level roots that cluster: most lanes of one engine → the engine; every link through one OCS
     * port → the port.
     */
    private void groupLaneRoots(Map<Integer, Finding> laneRoots) {
        Map<Integer, Integer> perEngine = new HashMap<>();
        for (int l : laneRoots.keySet()) {
            perEngine.merge(topo.laneDevice(l), 1, Integer::sum);
        }
        for (var e : perEngine.entrySet()) {
            int engine = e.getKey();
            int lanes = topo.device(engine).laneCount();
            if (e.getValue() >= 2 && e.getValue() >= MAJORITY * lanes) {
                Finding f = device(engine, Category.OPTICAL, "engine",
                        e.getValue() + " of " + lanes + " lanes of this engine degraded together");
                f.tentative = true;
                for (int l : laneRoots.keySet()) {
                    if (topo.laneDevice(l) == engine) {
                        moveInto(laneRoots.get(l), f);
                    }
                }
            }
        }
        Map<Integer, Integer> perPort = new HashMap<>();
        for (int l : laneRoots.keySet()) {
            topo.linkOf(l).ifPresent(k -> {
                for (int i = 0; i < k.via().size(); i++) {
                    perPort.merge(k.via().get(i), 1, Integer::sum);
                }
            });
        }
        for (var e : perPort.entrySet()) {
            int links = topo.linksThrough(e.getKey()).size();
            if (links >= 2 && e.getValue() >= MAJORITY * 2 * links) {
                Finding f = portFinding(e.getKey());
                f.tentative |= !sy.ports.containsKey(e.getKey());
                for (int l : laneRoots.keySet()) {
                    Optional<Link> k = topo.linkOf(l);
                    if (k.isPresent() && contains(k.get().via(), e.getKey())) {
                        moveInto(laneRoots.get(l), f);
                    }
                }
            }
        }
        // Both ends of one link: one fault on the fibre between them, not two.
        for (int l : laneRoots.keySet()) {
            Optional<Link> k = topo.linkOf(l);
            if (k.isPresent() && k.get().laneB() == l && laneRoots.containsKey(k.get().laneA())) {
                moveInto(laneRoots.get(l), laneRoots.get(k.get().laneA()));
            }
        }
    }

    /** Several lasers of one source failing together are the source's fault. */
    private void groupLasers() {
        Map<Integer, Integer> perSource = new HashMap<>();
        for (Finding f : findings.values()) {
            if (f.pattern.equals("laser")) {
                perSource.merge(f.device, 1, Integer::sum);
            }
        }
        for (var e : perSource.entrySet()) {
            int source = e.getKey();
            int fed = 0;
            for (int i = 0; i < topo.device(source).laneCount(); i++) {
                if (topo.litBy(topo.lane(source, i)).size() > 0) {
                    fed++;
                }
            }
            if (e.getValue() >= 2 && e.getValue() >= MAJORITY * fed) {
                Finding src = device(source, Category.OPTICAL, "laser_source",
                        e.getValue() + " of " + fed + " lasers of this source failed together");
                for (Finding f : findings.values().toArray(new Finding[0])) {
                    if (f.pattern.equals("laser") && f.device == source) {
                        moveInto(f, src);
                    }
                }
            }
        }
    }

    private void moveInto(Finding from, Finding to) {
        if (from == to || !findings.containsKey(from.key)) {
            return;
        }
        to.absorb(from);
        findings.remove(from.key);
    }

    private Finding laserFinding(int laser) {
        int source = topo.laneDevice(laser);
        return component("laser:" + laser, source, topo.laneNumber(laser), topo.laneName(laser),
                Category.OPTICAL, "laser", sy.laserReason(laser));
    }

    /**
     * The finding of an OCS cross-connect. Its two ports (one per direction, consecutive on a link's
     * path through the same switch) are one mirror and one fault, named by the first.
     */
    private Finding portFinding(int reported) {
        int port = topo.crossConnectOf(reported);
        return component("port:" + port, topo.laneDevice(port), topo.laneNumber(port), topo.laneName(port),
                Category.OPTICAL, "ocs_port", "insertion loss of this OCS cross-connect rose; "
                        + topo.linksThrough(port).size() + " link(s) through it");
    }

    private Finding lane(int l, String reason) {
        Finding f = component("lane:" + l, topo.laneDevice(l), topo.laneNumber(l), topo.laneName(l),
                Category.OPTICAL, "lane", reason);
        f.tentative = true;
        return f;
    }

    // ---- GPUs ---------------------------------------------------------------------------------

    private void gpus() {
        for (var e : sy.gpuOther.entrySet()) {
            int g = e.getKey();
            Finding owner = null;
            for (int oe : topo.enginesOf(g).toArray()) {
                for (Finding f : findings.values()) {
                    if (f.category == Category.OPTICAL && touches(f, oe)) {
                        owner = f;
                    }
                }
            }
            if (owner == null) {
                owner = device(g, Category.GPU, "gpu", "GPU error counters rising");
            }
            owner.symptom(name(g), e.getValue());
        }
    }

    private boolean touches(Finding f, int engine) {
        String prefix = name(engine) + "#";
        for (String a : f.affected) {
            if (a.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    // ---- helpers ------------------------------------------------------------------------------

    Finding device(int d, Category category, String pattern, String reason) {
        return component(pattern + ":" + d, d, -1, name(d), category, pattern, reason);
    }

    Finding component(String key, int device, int lane, String rootName, Category category, String pattern,
                      String reason) {
        return findings.computeIfAbsent(key, k -> new Finding(k, device, lane, rootName, category, pattern, reason));
    }

    /** Forecast findings attach through the same attribution as anomalies. */
    Finding forecastRoot(int sensor) {
        int d = layout.deviceOf(sensor);
        DeviceKind kind = topo.device(d).kind();
        Metric m = layout.metricOf(sensor);
        int laneNo = layout.laneOf(sensor);
        return switch (kind) {
            case ELS -> laserFinding(topo.lane(d, laneNo));
            case OE -> {
                if (laneNo < 0) {
                    yield thermalRoot(d);
                }
                int l = topo.lane(d, laneNo);
                if (m == Metric.BIAS_MA || m == Metric.TX_DBM) {
                    yield launchRoot(l, new HashMap<>());
                }
                if (m == Metric.MRM_HEATER_MW || m == Metric.MRM_DETUNE_PM || sy.hot.containsKey(d)
                        || sy.warming.contains(d)) {
                    yield thermalRoot(d);
                }
                yield receiveRoot(l, new HashMap<>());
            }
            case GPU -> m == Metric.TEMP_C || m == Metric.HBM_TEMP_C ? thermalRoot(d)
                    : device(d, Category.GPU, "gpu", "GPU memory wearing out");
            case SWITCH -> thermalRoot(d);
            case CDU -> cduRoot(d);
            default -> device(d, Category.COOLING, "device", "trending towards its alarm");
        };
    }

    private IntSeq lanesOf(int engine) {
        int n = topo.device(engine).laneCount();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = topo.lane(engine, i);
        }
        return IntSeq.of(out);
    }

    private static double share(IntSeq lanes, Map<Integer, Integer> set) {
        return lanes.size() == 0 ? 0 : (double) count(lanes, set) / lanes.size();
    }

    private static int count(IntSeq lanes, Map<Integer, Integer> set) {
        int n = 0;
        for (int i = 0; i < lanes.size(); i++) {
            if (set.containsKey(lanes.get(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean contains(IntSeq seq, int v) {
        for (int i = 0; i < seq.size(); i++) {
            if (seq.get(i) == v) {
                return true;
            }
        }
        return false;
    }

    private String name(int d) {
        return topo.device(d).id().value();
    }
}
