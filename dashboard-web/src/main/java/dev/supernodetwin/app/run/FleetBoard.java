package dev.supernodetwin.app.run;

import dev.supernodetwin.app.state.StateFile;
import dev.supernodetwin.dashboard.api.SupernodeSummary;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The fleet as the fleet topic tells it: the latest summary of every supernode, from whichever
 * instance owns it, and the latest silences and acknowledgements of each, which follow the supernode to
 * its next owner. An entry is stale when its owner has not published for {@link #STALE_AFTER_MS} (it died,
 * or is handing the supernode over); it stays listed. Written by the topic's reader thread, read by the
 * HTTP edge.
 */
final class FleetBoard {
    private static final Logger LOG = LoggerFactory.getLogger(FleetBoard.class);
    /** Owners publish every {@link FleetPublisher#EVERY_MS}: a few missed summaries make an entry stale. */
    static final long STALE_AFTER_MS = 10_000;

    /** Key prefix of the records that carry a supernode's silences and acknowledgements. */
    static final String STATE_KEY = "state:";

    private final Map<String, JsonObject> entries = new ConcurrentHashMap<>();
    private final Map<String, StateFile.State> states = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private volatile BiConsumer<String, StateFile.State> onState = (sn, s) -> { };

    FleetBoard(InstantSource clock) {
        this.clock = clock;
    }

    /** Told of every supernode state read from the topic, on the reader thread. */
    void onState(BiConsumer<String, StateFile.State> listener) {
        this.onState = listener;
    }

    /** The latest silences and acknowledgements published for {@code supernode}, by whichever owner. */
    Optional<StateFile.State> state(String supernode) {
        return Optional.ofNullable(states.get(supernode));
    }

    /**
     * One record of the fleet topic: a supernode's summary (key: the supernode) or its alert state (key:
     * {@value #STATE_KEY}supernode); a null value removes it.
     */
    void onRecord(String key, byte[] value) {
        if (key.startsWith(STATE_KEY)) {
            onStateRecord(key.substring(STATE_KEY.length()), value);
        } else {
            onSummary(key, value);
        }
    }

    private void onStateRecord(String supernode, byte[] value) {
        if (value == null) {
            states.remove(supernode);
            return;
        }
        try {
            StateFile.State state = StateFile.parse(new JsonObject(Buffer.buffer(value)));
            states.merge(supernode, state, (old, now) -> now.savedAt() >= old.savedAt() ? now : old);
            onState.accept(supernode, state);
        } catch (RuntimeException e) {
            LOG.warn("fleet topic: the alert state of '{}' cannot be read ({}); ignored", supernode, e.getMessage());
        }
    }

    private void onSummary(String supernode, byte[] value) {
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
}
