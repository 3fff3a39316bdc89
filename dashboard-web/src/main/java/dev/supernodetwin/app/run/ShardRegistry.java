package dev.supernodetwin.app.run;

import dev.supernodetwin.app.notify.Notifier;
import dev.supernodetwin.app.runtime.Daemons;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.dashboard.api.SupernodeSummary;
import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.http.ServedSupernodes;
import dev.supernodetwin.ingest.codec.RejectReason;
import dev.supernodetwin.ingest.history.HistoryStats;
import dev.supernodetwin.ingest.kafka.Shard;
import dev.supernodetwin.ingest.kafka.Shards;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The supernodes this instance models now: opened by the Kafka source as their partitions bring them,
 * closed when the partitions move away, and served to the dashboard meanwhile. The map is written on the
 * writer thread and read by the HTTP edge and the fleet publisher.
 */
final class ShardRegistry implements Shards, ServedSupernodes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardRegistry.class);
    private static final long CLOSE_WAIT_SECONDS = 60;

    /**
     * Closes shards that left off the writer thread: flushing a supernode's history may take seconds, and
     * the other supernodes must not wait for it.
     */
    private final ExecutorService closer = Daemons.scheduler("twin-shard-closer");
    private final TopologyCatalog catalog;
    private final SupernodeShard.Common common;
    private final FleetBoard fleet;
    /** This instance as an owner; its address appears once the server listens. */
    private final Supplier<SupernodeSummary.Owner> self;
    private final Map<String, SupernodeShard> shards = new ConcurrentHashMap<>();
    /** Rejections of shards already closed, so the counters never go down. */
    private final Map<RejectReason, AtomicLong> closedRejections = new ConcurrentHashMap<>();
    /** History counters of shards already closed, likewise. */
    private volatile HistoryStats closedHistory = new HistoryStats(0, 0, 0, 0, 0, 0, true, Optional.empty());
    private volatile Notifier notifier;
    /**
     * The summaries last published, by supernode: {@code /api/fleet} serves these instead of summarising
     * every supernode again for each request (a summary reads every sensor's freshness).
     */
    private volatile Map<String, JsonObject> published = Map.of();

    ShardRegistry(TopologyCatalog catalog, SupernodeShard.Common common, FleetBoard fleet,
                  Supplier<SupernodeSummary.Owner> self) {
        this.catalog = catalog;
        this.common = common;
        this.fleet = fleet;
        this.self = self;
    }

    /** A supernode's alert state read from the fleet topic: taken when it is modelled here and newer. */
    void onSharedState(String supernode, dev.supernodetwin.app.state.StateFile.State state) {
        SupernodeShard s = shards.get(supernode);
        if (s != null) {
            s.adopt(state);
        }
    }

    /** The notifier, once it exists (before the writer starts): told when a supernode leaves. */
    void notifier(Notifier n) {
        this.notifier = n;
    }

    @Override
    public Optional<Shard> open(String supernode, int partition, boolean rebuilding) {
        Optional<TopologyDocument> doc = catalog.topology(supernode);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        try {
            SupernodeShard shard = SupernodeShard.open(doc.get(), rebuilding, common);
            shards.put(supernode, shard);
            return Optional.of(shard);
        } catch (RuntimeException e) {
            LOG.error("cannot model supernode {}: {}", supernode, e.getMessage(), e);
            return Optional.empty();
        }
    }

    @Override
    public void rebuilt(Shard shard) {
        ((SupernodeShard) shard).rebuilt();
        LOG.info("supernode {}: state rebuilt; detecting and reporting", shard.supernode());
    }

    @Override
    public void close(Shard shard) {
        SupernodeShard s = (SupernodeShard) shard;
        shards.remove(s.supernode(), s);
        for (RejectReason r : RejectReason.values()) {
            closedRejections.computeIfAbsent(r, k -> new AtomicLong()).addAndGet(s.rejections(r));
        }
        s.historyStats().ifPresent(h -> {
            HistoryStats c = closedHistory;
            closedHistory = new HistoryStats(c.pointsQueued() + h.pointsQueued(), c.pointsWritten() + h.pointsWritten(),
                    c.pointsDropped() + h.pointsDropped(), c.pointsRejected() + h.pointsRejected(), 0,
                    c.writeFailures() + h.writeFailures(), true, Optional.empty());
        });
        Notifier n = notifier;
        if (n != null) {
            n.release(s.supernode());
        }
        closer.execute(s::close);
    }

    /** Waits for the shards that left to finish closing; after the source has stopped. */
    @Override
    public void close() throws InterruptedException {
        closer.shutdown();
        if (!closer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("supernodes still closing after {} s; their last history may be lost", CLOSE_WAIT_SECONDS);
        }
    }

    @Override
    public void afterBatch() {
        for (SupernodeShard s : shards.values()) {
            s.publish();
        }
    }

    @Override
    public Optional<String> unkeyed() {
        return catalog.only();
    }

    /** Whether the alert's supernode, modelled here, silences it. */
    boolean silenced(AlertEvent e) {
        SupernodeShard s = e.supernode() == null ? null : shards.get(e.supernode());
        return s != null && s.silenced(e);
    }

    /** Frames rejected by reason, over every supernode this instance has modelled. */
    long rejections(RejectReason reason) {
        long n = closedRejections.getOrDefault(reason, new AtomicLong()).get();
        for (SupernodeShard s : shards.values()) {
            n += s.rejections(reason);
        }
        return n;
    }

    /**
     * A history counter summed over every supernode modelled, now and before; a gauge ({@code backlog},
     * {@code down}) only over those modelled now.
     */
    double history(ToDoubleFunction<HistoryStats> counter) {
        double n = counter.applyAsDouble(closedHistory);
        for (SupernodeShard s : shards.values()) {
            n += s.historyStats().map(counter::applyAsDouble).orElse(0.0);
        }
        return n;
    }

    /** Alerts firing now over the supernodes modelled here. */
    int firing() {
        return shards.values().stream().mapToInt(s -> s.alerts().view().firing().size()).sum();
    }

    /** Summarises the supernodes modelled here, by id, and keeps the result for {@link #fleet()}. */
    Map<String, JsonObject> summarise() {
        Map<String, JsonObject> out = new TreeMap<>();
        long now = common.clock().millis();
        SupernodeSummary.Owner owner = self.get();
        for (SupernodeShard s : shards.values()) {
            out.put(s.supernode(), SupernodeSummary.of(s.views().api(), s.rebuilding(), owner, now));
        }
        published = out;
        return out;
    }

    @Override
    public Optional<DashboardServer.Views> views(String supernode) {
        return Optional.ofNullable(shards.get(supernode)).map(SupernodeShard::views);
    }

    @Override
    public Optional<String> defaultSupernode() {
        return shards.keySet().stream().sorted().findFirst();
    }

    @Override
    public Optional<String> elsewhere(String supernode) {
        return fleet.ownerLink(supernode, self.get().instance());
    }

    @Override
    public JsonObject fleet() {
        SupernodeSummary.Owner owner = self.get();
        Map<String, JsonObject> local = new TreeMap<>(published);
        local.keySet().retainAll(shards.keySet());
        return fleet.document(owner.instance(), owner.url(), local);
    }

    @Override
    public AccessControl access() {
        return common.access();
    }
}
