package dev.supernodetwin.core.topology;

import dev.supernodetwin.core.topology.TopologyDocument.FeedSpec;
import dev.supernodetwin.core.topology.TopologyDocument.LinkSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link TopologyDocument} and lists every problem with where it is. A document with no
 * problems can be indexed by {@link Topology#of(TopologyDocument)}.
 */
public final class TopologyValidator {

    private final TopologyDocument doc;
    private final List<TopologyProblem> problems = new ArrayList<>();
    private final Map<String, DeviceSpec> byId = new HashMap<>();
    private final Map<String, String> laneUse = new HashMap<>();

    private TopologyValidator(TopologyDocument doc) {
        this.doc = doc;
    }

    /** Every problem in {@code doc}, in document order; empty when it is valid. */
    public static List<TopologyProblem> validate(TopologyDocument doc) {
        TopologyValidator v = new TopologyValidator(doc);
        v.checkSupernode();
        v.checkDevices();
        v.checkFeeds();
        v.checkLinks();
        return List.copyOf(v.problems);
    }

    private void problem(String where, String message) {
        problems.add(new TopologyProblem(where, message));
    }

    private void checkSupernode() {
        String sn = doc.supernode();
        if (sn.isBlank()) {
            problem("supernode", "must name the supernode, e.g. \"sn01\"");
        } else if (sn.contains("/") || sn.contains("#")) {
            problem("supernode", "'" + sn + "' must not contain '/' or '#'");
        }
        if (doc.devices().isEmpty()) {
            problem("devices", "lists no device");
        }
    }

    private void checkDevices() {
        List<DeviceSpec> devices = doc.devices();
        for (int i = 0; i < devices.size(); i++) {
            DeviceSpec d = devices.get(i);
            String where = at(i, d);
            if (byId.putIfAbsent(d.id(), d) != null) {
                problem(where + ".id", "repeats id '" + d.id() + "' of an earlier device");
            }
            checkId(where, d.id());
        }
        for (int i = 0; i < devices.size(); i++) {
            DeviceSpec d = devices.get(i);
            String where = at(i, d);
            Optional<DeviceKind> kind = DeviceKind.fromWireName(d.kind());
            if (kind.isEmpty()) {
                problem(where + ".kind", "unknown kind '" + d.kind() + "'; expected one of " + kindNames());
                continue;
            }
            checkAttributes(where, d, kind.get());
        }
    }

    private void checkId(String where, String id) {
        if (id.isBlank()) {
            problem(where + ".id", "is blank");
        } else if (id.indexOf('#') >= 0) {
            problem(where + ".id", "'" + id + "' must not contain '#' (that marks a lane)");
        } else if (!id.startsWith(doc.supernode() + "/") || id.length() <= doc.supernode().length() + 1) {
            problem(where + ".id", "'" + id + "' must start with the supernode id '" + doc.supernode() + "/'");
        }
    }

    private void checkAttributes(String where, DeviceSpec d, DeviceKind kind) {
        switch (kind) {
            case OE -> {
                if (d.form().isEmpty()) {
                    problem(where + ".form", "an optical engine needs a form: " + formNames());
                } else if (EngineForm.fromWireName(d.form().get()).isEmpty()) {
                    problem(where + ".form", "unknown form '" + d.form().get() + "'; expected one of " + formNames());
                }
                requirePositive(where + ".lanes", d.lanes().isPresent() ? d.lanes().getAsInt() : 0, "lanes");
                d.host().ifPresent(h -> requireRef(where + ".host", h, Set.of(DeviceKind.GPU, DeviceKind.SWITCH)));
            }
            case ELS -> requirePositive(where + ".lasers", d.lasers().isPresent() ? d.lasers().getAsInt() : 0, "lasers");
            case OCS -> requirePositive(where + ".ports", d.ports().isPresent() ? d.ports().getAsInt() : 0, "ports");
            case COLDPLATE, LEAK -> {
                if (d.loop().isEmpty()) {
                    problem(where + ".loop", "a " + kind.wireName() + " needs the CDU loop it hangs on");
                } else {
                    requireRef(where + ".loop", d.loop().get(), Set.of(DeviceKind.CDU));
                }
            }
            case CDU -> d.designFlowLpm().ifPresent(f -> {
                if (!(f > 0) || Double.isInfinite(f)) {
                    problem(where + ".designFlowLpm", "must be a positive flow in L/min, was " + f);
                }
            });
            default -> { }
        }
        d.coolant().ifPresent(c -> requireRef(where + ".coolant", c, Set.of(DeviceKind.COLDPLATE, DeviceKind.CDU)));
    }

    private void requirePositive(String where, int value, String what) {
        if (value <= 0) {
            problem(where, "needs a positive number of " + what);
        }
    }

    private void requireRef(String where, String id, Set<DeviceKind> allowed) {
        DeviceSpec target = byId.get(id);
        if (target == null) {
            problem(where, "refers to unknown device '" + id + "'");
            return;
        }
        Optional<DeviceKind> kind = DeviceKind.fromWireName(target.kind());
        if (kind.isPresent() && !allowed.contains(kind.get())) {
            problem(where, "'" + id + "' is a " + target.kind() + "; expected " + names(allowed));
        }
    }

    private void checkFeeds() {
        Map<String, Integer> lasersSeen = new HashMap<>();
        List<FeedSpec> feeds = doc.feeds();
        for (int i = 0; i < feeds.size(); i++) {
            FeedSpec f = feeds.get(i);
            String where = "feeds[" + i + "]";
            checkLane(where + ".laser", f.laser(), DeviceKind.ELS);
            Integer earlier = lasersSeen.putIfAbsent(f.laser(), i);
            if (earlier != null) {
                problem(where + ".laser", "laser '" + f.laser() + "' already has a feed at feeds[" + earlier + "]");
            }
            if (f.lanes().isEmpty()) {
                problem(where + ".lanes", "lists no lane");
            }
            for (int j = 0; j < f.lanes().size(); j++) {
                String lane = f.lanes().get(j);
                String w = where + ".lanes[" + j + "]";
                if (checkLane(w, lane, DeviceKind.OE)) {
                    claim(w, "fed:" + lane, "lane '" + lane + "' is already lit by another laser");
                }
            }
        }
    }

    private void checkLinks() {
        List<LinkSpec> links = doc.links();
        for (int i = 0; i < links.size(); i++) {
            LinkSpec l = links.get(i);
            String where = "links[" + i + "]";
            if (l.a().equals(l.b())) {
                problem(where, "links lane '" + l.a() + "' to itself");
            }
            linkEnd(where + ".a", l.a());
            if (!l.a().equals(l.b())) {
                linkEnd(where + ".b", l.b());
            }
            for (int j = 0; j < l.via().size(); j++) {
                String port = l.via().get(j);
                String w = where + ".via[" + j + "]";
                if (checkLane(w, port, DeviceKind.OCS)) {
                    claim(w, "port:" + port, "OCS port '" + port + "' already carries another link");
                }
            }
            if (!(l.budgetDb() > 0) || Double.isInfinite(l.budgetDb())) {
                problem(where + ".budgetDb", "must be a positive loss budget in dB, was " + l.budgetDb());
            }
        }
    }

    private void linkEnd(String where, String lane) {
        if (checkLane(where, lane, DeviceKind.OE)) {
            claim(where, "link:" + lane, "lane '" + lane + "' is already an end of another link");
        }
    }

    private void claim(String where, String key, String message) {
        String earlier = laneUse.putIfAbsent(key, where);
        if (earlier != null) {
            problem(where, message + " (" + earlier + ")");
        }
    }

    /** Checks a {@code DEVICE#INDEX} reference; true when it names an existing lane of the expected kind. */
    private boolean checkLane(String where, String text, DeviceKind expected) {
        Optional<LaneRef> ref = LaneRef.parse(text);
        if (ref.isEmpty()) {
            problem(where, "'" + text + "' is not a lane reference of the form DEVICE#INDEX");
            return false;
        }
        DeviceSpec target = byId.get(ref.get().device());
        if (target == null) {
            problem(where, "refers to unknown device '" + ref.get().device() + "'");
            return false;
        }
        if (!expected.wireName().equals(target.kind())) {
            problem(where, "'" + ref.get().device() + "' is a " + target.kind() + "; expected " + expected.wireName());
            return false;
        }
        int count = laneCount(target, expected);
        if (ref.get().index() >= count) {
            problem(where, "'" + text + "' is out of range; " + ref.get().device() + " has " + count + " "
                    + laneWord(expected) + " (0.." + (count - 1) + ")");
            return false;
        }
        return true;
    }

    static int laneCount(DeviceSpec d, DeviceKind kind) {
        return switch (kind) {
            case OE -> d.lanes().orElse(0);
            case ELS -> d.lasers().orElse(0);
            case OCS -> d.ports().orElse(0);
            default -> 0;
        };
    }

    private static String laneWord(DeviceKind kind) {
        return switch (kind) {
            case ELS -> "lasers";
            case OCS -> "ports";
            default -> "lanes";
        };
    }

    private static String at(int i, DeviceSpec d) {
        return "devices[" + i + "] (" + d.id() + ")";
    }

    private static String kindNames() {
        List<String> names = new ArrayList<>();
        for (DeviceKind k : DeviceKind.values()) {
            names.add(k.wireName());
        }
        return String.join(", ", names);
    }

    private static String formNames() {
        List<String> names = new ArrayList<>();
        for (EngineForm f : EngineForm.values()) {
            names.add(f.wireName());
        }
        return String.join(", ", names);
    }

    private static String names(Set<DeviceKind> kinds) {
        List<String> names = new ArrayList<>();
        for (DeviceKind k : DeviceKind.values()) {
            if (kinds.contains(k)) {
                names.add(k.wireName());
            }
        }
        return String.join(" or ", names);
    }
}
