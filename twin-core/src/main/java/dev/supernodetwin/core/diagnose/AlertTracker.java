package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.core.alert.AlertSink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps one alert per root cause across evaluations: fires it when its finding appears, re-fires it
 * (same id) when it gets worse, turns from a prediction into an anomaly or its eta moves, and resolves
 * it only after its finding has been gone for {@code resolveAfterMs} of event time. That hold is the
 * flap damping: a fault that comes and goes faster than the hold stays one firing alert instead of a
 * storm of fire/resolve pairs.
 */
final class AlertTracker {
    /** An eta moving by less than this share of the time left is not news. */
    private static final double ETA_NEWS = 0.25;
    /** An eta moving by less than this is not news however close the failure. */
    private static final long ETA_NEWS_MIN_MS = 300_000;
    /** Growth of the affected set is re-sent at most this often. */
    private static final long AFFECTED_NEWS_MS = 10_000;

    private final String supernode;
    private final long resolveAfterMs;
    private final AlertSink sink;
    private final Map<String, Open> open = new LinkedHashMap<>();
    /** Tentative findings seen at the previous evaluation, confirmed if seen again now. */
    private final Set<String> pending = new HashSet<>();
    private final Set<String> confirming = new HashSet<>();

    private static final class Open {
        final String id;
        long lastSeen;
        long lastSent = Long.MIN_VALUE / 2;
        int sentAffected;
        int severity;
        boolean anomaly;
        long eta;
        Finding last;
        final TreeSet<String> affected = new TreeSet<>();

        Open(String id) {
            this.id = id;
        }
    }

    AlertTracker(String supernode, long resolveAfterMs, AlertSink sink) {
        this.supernode = supernode;
        this.resolveAfterMs = resolveAfterMs;
        this.sink = sink;
    }

    /** Takes the findings of the evaluation at event time {@code now}. */
    void update(long now, Map<String, Finding> findings) {
        for (Finding f : findings.values()) {
            if (f.severity < SensorBank.WARNING || !f.anomaly && f.eta == Long.MIN_VALUE) {
                continue;
            }
            Open o = open.get(f.key);
            boolean news;
            if (o == null && f.tentative && !pending.contains(f.key)) {
                // Blamed for want of evidence upstream: wait one evaluation for it (see Finding).
                confirming.add(f.key);
                continue;
            }
            if (o == null) {
                o = new Open(f.rootName + "/" + f.pattern + "@" + now);
                open.put(f.key, o);
                news = true;
            } else {
                news = f.severity > o.severity || f.anomaly && !o.anomaly
                        || !o.anomaly && etaMoved(o.eta, f.eta, now);
            }
            o.lastSeen = now;
            o.affected.addAll(f.affected);
            o.last = f;
            // Symptoms joining a firing alert are sent on, at most every AFFECTED_NEWS_MS of event time.
            news |= o.affected.size() > o.sentAffected && now - o.lastSent >= AFFECTED_NEWS_MS;
            if (news) {
                o.lastSent = now;
                o.sentAffected = o.affected.size();
                o.severity = Math.max(o.severity, f.severity);
                o.anomaly |= f.anomaly;
                o.eta = f.eta;
                sink.onAlert(event(o, State.FIRING, now));
            }
        }
        pending.clear();
        pending.addAll(confirming);
        confirming.clear();
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open o = it.next();
            if (o.lastSeen < now && now - o.lastSeen >= resolveAfterMs) {
                sink.onAlert(event(o, State.RESOLVED, now));
                it.remove();
            }
        }
    }

    private static boolean etaMoved(long before, long now, long at) {
        if (now == Long.MIN_VALUE || before == Long.MIN_VALUE) {
            return false;
        }
        // Close to (or past) the eta every jitter is a large share of the time left: a move must also
        // be worth a human's attention in absolute terms.
        double left = Math.max(1, before - at);
        long moved = Math.abs(now - before);
        return moved > ETA_NEWS * left && moved >= ETA_NEWS_MIN_MS;
    }

    /** Number of alerts firing now. */
    int firing() {
        return open.size();
    }

    private AlertEvent event(Open o, State state, long now) {
        Finding f = o.last;
        Kind kind = o.anomaly ? Kind.ANOMALY : Kind.PREDICTION;
        OptionalInt lane = f.lane < 0 ? OptionalInt.empty() : OptionalInt.of(f.lane);
        String device = f.lane < 0 ? f.rootName : f.rootName.substring(0, f.rootName.lastIndexOf('#'));
        OptionalLong eta = kind == Kind.PREDICTION ? OptionalLong.of(o.eta) : OptionalLong.empty();
        List<String> affected = new ArrayList<>(o.affected);
        String summary = f.rootName + ": " + f.reason
                + (kind == Kind.PREDICTION ? "; expected to fail at " + Instant.ofEpochMilli(o.eta) : "")
                + " (" + affected.size() + " affected)";
        return new AlertEvent(o.id, now, supernode, state, kind, severity(o.severity), f.category,
                f.category.name().toLowerCase() + "." + f.pattern, device, lane,
                new AlertEvent.RootCause(device, lane, f.reason), affected, eta, summary);
    }

    private static Severity severity(int level) {
        return level >= SensorBank.CRITICAL ? Severity.CRITICAL
                : level >= SensorBank.ALARM ? Severity.ALARM : Severity.WARNING;
    }
}
