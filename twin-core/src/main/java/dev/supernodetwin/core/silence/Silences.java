package dev.supernodetwin.core.silence;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable set of silences of one topology, each with its coverage worked out once, answering which
 * silence (if any) covers an alert's root cause. Changes return a new holder, so readers on any thread
 * can share one without locks.
 */
public final class Silences {
    private final Topology topology;
    private final Map<String, Entry> byId;

    /** A silence and what it covers. */
    public record Entry(Silence silence, Coverage coverage) {
    }

    private Silences(Topology topology, Map<String, Entry> byId) {
        this.topology = topology;
        this.byId = byId;
    }

    /** No silences. */
    public static Silences empty(Topology topology) {
        return new Silences(topology, Map.of());
    }

    /** The topology the silences are of. */
    public Topology topology() {
        return topology;
    }

    /** Every silence with its coverage, in the order they were added. */
    public List<Entry> entries() {
        return List.copyOf(byId.values());
    }

    /** The silence with this id, if any. */
    public Optional<Entry> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * These silences and {@code silence} (replacing one with the same id).
     *
     * @throws IllegalArgumentException if its target names nothing in this topology
     */
    public Silences with(Silence silence) {
        Map<String, Entry> next = new LinkedHashMap<>(byId);
        next.put(silence.id(), new Entry(silence, Downstream.of(silence.target(), topology)));
        return new Silences(topology, next);
    }

    /** These silences without those that ended before {@code cutoffMillis}. */
    public Silences endedBefore(long cutoffMillis) {
        Map<String, Entry> next = new LinkedHashMap<>();
        byId.forEach((id, e) -> {
            if (e.silence().endsAt() >= cutoffMillis) {
                next.put(id, e);
            }
        });
        return next.size() == byId.size() ? this : new Silences(topology, next);
    }

    /**
     * The silence in force at {@code nowMillis} that covers the alert's root cause (its device, or its
     * lane when it names one); when several do, the one that ends last.
     */
    public Optional<Silence> covering(AlertEvent event, long nowMillis) {
        OptionalInt device = topology.indexOf(event.rootCause().device());
        if (device.isEmpty()) {
            return Optional.empty();
        }
        int lane = laneOf(device.getAsInt(), event.rootCause().lane());
        Silence best = null;
        for (Entry e : byId.values()) {
            // A covered device covers its lanes too (a CDU silence covers the engines on its loop, lanes and all).
            boolean covers = e.coverage().coversDevice(device.getAsInt()) || e.coverage().coversLane(lane);
            if (covers && e.silence().activeAt(nowMillis) && (best == null || e.silence().endsAt() > best.endsAt())) {
                best = e.silence();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every silence, active and ended, as a list. */
    public List<Silence> all() {
        List<Silence> out = new ArrayList<>(byId.size());
        byId.values().forEach(e -> out.add(e.silence()));
        return out;
    }

    private int laneOf(int device, OptionalInt number) {
        if (number.isEmpty() || number.getAsInt() < 0
                || number.getAsInt() >= topology.device(device).laneCount()) {
            return -1;
        }
        return topology.lane(device, number.getAsInt());
    }
}
