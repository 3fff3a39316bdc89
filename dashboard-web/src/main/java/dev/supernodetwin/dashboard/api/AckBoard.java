package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.core.alert.AlertEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Acknowledgements of firing alerts: who acknowledged which alert and when. An ack is forgotten once its
 * alert has left both the firing set and the recent events and it is older than {@link #KEEP}, so the
 * board stays small, yet acks restored after a restart wait for their alerts to fire again (alert ids are
 * stable across a re-read of the same telemetry).
 */
public final class AckBoard {
    /** How long an ack of an alert no longer on the board is kept. */
    public static final Duration KEEP = Duration.ofHours(24);

    /** One acknowledgement: who and when (wall clock, epoch ms). */
    public record Ack(String id, String by, long at) {
    }

    private final Map<String, Ack> acks = new LinkedHashMap<>();
    private final List<BiConsumer<Ack, AlertEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with every new ack and the alert it acknowledges; it must not block. */
    public void onAck(BiConsumer<Ack, AlertEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Acknowledges {@code id} if it is firing in {@code view}.
     *
     * @return the acknowledgement, empty when no such alert is firing
     */
    public Optional<Ack> ack(AlertBoard.View view, String id, String by, long at) {
        Optional<AlertEvent> alert = view.firing().stream().filter(e -> e.id().equals(id)).findFirst();
        if (alert.isEmpty()) {
            return Optional.empty();
        }
        Ack ack = new Ack(id, by, at);
        synchronized (this) {
            Set<String> known = known(view);
            acks.values().removeIf(a -> !known.contains(a.id()) && a.at() < at - KEEP.toMillis());
            acks.put(id, ack);
        }
        listeners.forEach(l -> l.accept(ack, alert.get()));
        return Optional.of(ack);
    }

    /** The acknowledgements of alerts still in {@code view}, by alert id. */
    public synchronized Map<String, Ack> of(AlertBoard.View view) {
        Set<String> known = known(view);
        Map<String, Ack> out = new LinkedHashMap<>();
        acks.forEach((id, ack) -> {
            if (known.contains(id)) {
                out.put(id, ack);
            }
        });
        return out;
    }

    /** Every acknowledgement kept, for saving. */
    public synchronized List<Ack> all() {
        return new ArrayList<>(acks.values());
    }

    /** Puts back acknowledgements kept across a restart, without telling the listeners. */
    public synchronized void restore(List<Ack> kept) {
        kept.forEach(a -> acks.put(a.id(), a));
    }

    private static Set<String> known(AlertBoard.View view) {
        return Stream.concat(view.firing().stream(), view.recent().stream()).map(AlertEvent::id)
                .collect(Collectors.toSet());
    }
}
