package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import dev.supernodetwin.core.state.Freshness;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A supernode in one small document, for the fleet view (docs/dashboard.md, "Fleet view"): its health,
 * what fires, its worst components and where it is served. Owners publish it to the fleet topic; every
 * instance's {@code /api/fleet} lists the latest of each supernode.
 */
public final class SupernodeSummary {
    /** Alerts and worst components listed per supernode, worst first. */
    public static final int LISTED = 5;

    private SupernodeSummary() {
    }

    /**
     * Where a supernode is served.
     *
     * @param instance the owning instance's name
     * @param url      its dashboard address, ending in {@code /}; empty when it advertises none
     */
    public record Owner(String instance, Optional<String> url) {
        /** The link to the supernode on its owner's dashboard, when the owner has an address. */
        public Optional<String> link(String supernode) {
            return url.map(u -> u + "?sn=" + java.net.URLEncoder.encode(supernode, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * The summary of the supernode {@code sources} show, as of now.
     *
     * @param rebuilding true while its owner is still re-reading what earlier owners handled
     * @param now        wall-clock time of the summary, epoch ms
     */
    public static JsonObject of(ApiSources sources, boolean rebuilding, Owner owner, long now) {
        Topology topo = sources.layout().topology();
        Optional<StateSnapshot> snapshot = sources.board().latest();
        List<AlertEvent> firing = sources.alerts().view().firing().stream()
                .sorted(Comparator.comparing((AlertEvent e) -> e.severity()).reversed()
                        .thenComparing(e -> e.kind() == Kind.ANOMALY ? 0 : 1)).toList();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        firing.forEach(e -> counts.merge(e.severity(), 1, Integer::sum));
        JsonObject firingJson = new JsonObject();
        counts.forEach((s, n) -> firingJson.put(s.name().toLowerCase(), n));
        JsonArray alerts = new JsonArray();
        JsonArray worst = new JsonArray();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (AlertEvent e : firing) {
            if (alerts.size() < LISTED) {
                alerts.add(new JsonObject().put("id", e.id()).put("severity", e.severity().name().toLowerCase())
                        .put("summary", e.summary()).put("rootCause", rootCause(e)));
            }
            if (worst.size() < LISTED && seen.add(rootCause(e))) {
                worst.add(new JsonObject().put("device", rootCause(e)).put("reason", e.rootCause().reason()));
            }
        }
        return new JsonObject()
                .put("supernode", topo.supernode())
                .put("at", now)
                .put("eventTime", snapshot.map(SupernodeSummary::eventTime).orElse(null))
                .put("owner", new JsonObject().put("instance", owner.instance()).put("url", owner.url().orElse(null)))
                .put("link", owner.link(topo.supernode()).orElse(null))
                .put("health", health(rebuilding, snapshot.isPresent(), firing))
                .put("gpus", topo.devicesOfKind(DeviceKind.GPU).size())
                .put("devices", topo.deviceCount())
                .put("staleSensors", snapshot.map(SupernodeSummary::stale).orElse(0))
                .put("firing", firingJson)
                .put("alerts", alerts)
                .put("worst", worst);
    }

    private static String rootCause(AlertEvent e) {
        return e.rootCause().lane().isPresent() ? e.rootCause().device() + "#" + e.rootCause().lane().getAsInt()
                : e.rootCause().device();
    }

    private static Long eventTime(StateSnapshot s) {
        return s.watermark() == Long.MIN_VALUE ? null : s.watermark();
    }

    /** The worst firing severity; a prediction alone is a warning, whatever it predicts. */
    private static String health(boolean rebuilding, boolean hasState, List<AlertEvent> firing) {
        if (rebuilding) {
            return "rebuilding";
        }
        if (!hasState) {
            return "unknown";
        }
        Severity worst = null;
        for (AlertEvent e : firing) {
            Severity s = e.kind() == Kind.ANOMALY ? e.severity() : Severity.WARNING;
            if (worst == null || s.compareTo(worst) > 0) {
                worst = s;
            }
        }
        return worst == null ? "ok" : worst.name().toLowerCase();
    }

    /** Sensors that reported once but not lately: a device or collector gone quiet. */
    private static int stale(StateSnapshot s) {
        int n = 0;
        for (int i = 0, count = s.layout().sensorCount(); i < count; i++) {
            if (s.freshness(i) == Freshness.STALE) {
                n++;
            }
        }
        return n;
    }
}
