package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.silence.Silence;
import dev.supernodetwin.core.silence.SilenceTarget;
import dev.supernodetwin.core.silence.Silences;
import dev.supernodetwin.core.topology.Topology;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The silences in force, shared by every server instance and by the notifier: {@link #test} says whether
 * an alert's root cause is silenced now. Changes are serialised; reads see an immutable {@link Silences}.
 * Silences that ended more than {@link #KEEP_ENDED} ago are forgotten.
 */
public final class SilenceBoard implements Predicate<AlertEvent> {
    /** How long an ended silence is still listed ("recently expired"). */
    public static final Duration KEEP_ENDED = Duration.ofHours(24);

    /** A silence created or expired. */
    public record Change(Type type, Silence silence, long at) {
        /** What happened. */
        public enum Type { CREATED, EXPIRED }
    }

    private final InstantSource clock;
    private final AtomicReference<Silences> silences;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** An empty board for {@code topology}, telling time by {@code clock} (wall clock). */
    public SilenceBoard(Topology topology, InstantSource clock) {
        this.clock = clock;
        this.silences = new AtomicReference<>(Silences.empty(topology));
    }

    /** Calls {@code listener} after every change, on the changing thread; it must not block. */
    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** The silences now, active and recently ended. */
    public Silences current() {
        return silences.get();
    }

    /** The topology silences are checked against. */
    public Topology topology() {
        return silences.get().topology();
    }

    /** The wall clock of the board. */
    public InstantSource clock() {
        return clock;
    }

    /** Adds {@code silence} and tells the listeners. */
    public synchronized Silence add(Silence silence) {
        silences.set(pruned().with(silence));
        fire(new Change(Change.Type.CREATED, silence, clock.millis()));
        return silence;
    }

    /** Ends silence {@code id} now; empty when there is no such silence. */
    public synchronized Optional<Silence> expire(String id) {
        Optional<Silences.Entry> entry = silences.get().get(id);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        Silence ended = entry.get().silence().expiredAt(now);
        if (ended != entry.get().silence()) {
            silences.set(silences.get().with(ended));
            fire(new Change(Change.Type.EXPIRED, ended, now));
        }
        return Optional.of(ended);
    }

    /**
     * Puts back silences kept across a restart, without telling the listeners.
     *
     * @return the targets that name nothing in this topology and were dropped
     */
    public synchronized List<String> restore(List<StoredSilence> stored) {
        List<String> dropped = new ArrayList<>();
        Silences next = silences.get();
        for (StoredSilence s : stored) {
            Optional<SilenceTarget> target = SilenceTarget.parse(s.target(), next.topology());
            if (target.isEmpty() || s.endsAt() < s.startsAt()) {
                dropped.add(s.target());
                continue;
            }
            next = next.with(new Silence(s.id(), target.get(), s.startsAt(), s.endsAt(), s.createdBy(), s.comment()));
        }
        silences.set(next.endedBefore(clock.millis() - KEEP_ENDED.toMillis()));
        return dropped;
    }

    /** The silence covering the alert's root cause now, if any. */
    public Optional<Silence> covering(AlertEvent event) {
        return silences.get().covering(event, clock.millis());
    }

    /** Whether the alert's root cause is silenced now: notifications about it are to be suppressed. */
    @Override
    public boolean test(AlertEvent event) {
        return covering(event).isPresent();
    }

    private Silences pruned() {
        return silences.get().endedBefore(clock.millis() - KEEP_ENDED.toMillis());
    }

    private void fire(Change change) {
        listeners.forEach(l -> l.accept(change));
    }

    /** A silence as kept in a file, its target still text to be checked against the topology. */
    public record StoredSilence(String id, String target, long startsAt, long endsAt, String createdBy,
                                String comment) {
    }
}
