package dev.supernodetwin.app.run;

import dev.supernodetwin.dashboard.api.SupernodeSummary;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fleet as the summaries topic tells it: the latest summary of every supernode, from whichever
 * instance owns it. An entry is stale when its owner has not published for {@link #STALE_AFTER_MS} (it died,
 * or is handing the supernode over); it stays listed. Written by the topic's reader thread, read by the
 * HTTP edge.
 */
final class FleetBoard {
    private static final Logger LOG = LoggerFactory.getLogger(FleetBoard.class);
    /** Owners publish every {@link FleetPublisher#EVERY_MS}: a few missed summaries make an entry stale. */
    static final long STALE_AFTER_MS = 10_000;

    private final Map<String, JsonObject> entries = new ConcurrentHashMap<>();
    private final InstantSource clock;

    FleetBoard(InstantSource clock) {
        this.clock = clock;
    }

    /** One record of the summaries topic: a summary, or (null) the supernode removed from the fleet. */
    void onRecord(String supernode, byte[] value) {
        if (value == null) {
            entries.remove(supernode);
            return;
        }
        try {
            JsonObject summary = new JsonObject(Buffer.buffer(value));
            if (!supernode.equals(summary.getString("supernode")) || summary.getLong("at") == null) {
                LOG.warn("fleet topic: the record of '{}' is not a summary of it; ignored", supernode);
                return;
            }
            entries.merge(supernode, summary, (old, now) -> now.getLong("at") >= old.getLong("at") ? now : old);
        } catch (DecodeException | ClassCastException e) {
            LOG.warn("fleet topic: the record of '{}' is not JSON ({}); ignored", supernode, e.getMessage());
        }
    }

    /**
     * The fleet document: every supernode of the topic and every one modelled here (whose live summary
     * wins), sorted by id, each marked local or not and stale or not.
     */
    JsonObject document(String instance, Optional<String> url, Map<String, JsonObject> local) {
        long now = clock.millis();
        Map<String, JsonObject> all = new TreeMap<>();
        entries.forEach((sn, e) -> all.put(sn, e.copy().put("local", false)
                .put("stale", now - e.getLong("at") > STALE_AFTER_MS)));
        local.forEach((sn, e) -> all.put(sn, e.copy().put("local", true).put("stale", false)));
        JsonArray list = new JsonArray();
        all.values().forEach(list::add);
        return new JsonObject().put("instance", instance).put("url", url.orElse(null)).put("supernodes", list);
    }

    /** The link to {@code supernode} on the instance that last published it, unless that is {@code instance}. */
    Optional<String> ownerLink(String supernode, String instance) {
        JsonObject e = entries.get(supernode);
        if (e == null || instance.equals(e.getJsonObject("owner", new JsonObject()).getString("instance"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(e.getString("link"));
    }

    /** Supernodes in the fleet, for tests and metrics. */
    int size() {
        return entries.size();
    }

    /** A summary's owner as it is written. */
    static SupernodeSummary.Owner owner(String instance, Optional<String> url) {
        return new SupernodeSummary.Owner(instance, url);
    }
}
