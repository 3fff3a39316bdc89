package dev.supernodetwin.app.runtime;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest alert events and the alerts firing now, for readers on other threads (the HTTP edge,
 * metrics). The detection engine calls {@link #onAlert} on the twin's writer thread; every event
 * publishes a new immutable {@link View}, so the writer never waits for a reader and a reader always
 * sees the firing set and the recent events of the same moment.
 */
public final class AlertBoard implements AlertSink {
    /** How many recent events a board keeps unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 1_000;

    private final int capacity;
    // Owned by the writer thread; readers only ever see the copies in the published view.
    private final ArrayDeque<AlertEvent> recent;
    private final Map<String, AlertEvent> firing = new LinkedHashMap<>();
    private final AtomicReference<View> view = new AtomicReference<>(new View(List.of(), List.of(), 0));
    private long events;

    /**
     * What a reader sees.
     *
     * @param firing the latest event of every alert firing now, in the order they first fired
     * @param recent the latest events, oldest first, at most the board's capacity
     * @param events events received since start, including those no longer in {@code recent}
     */
    public record View(List<AlertEvent> firing, List<AlertEvent> recent, long events) {
        /** Copies the lists. */
        public View {
            firing = List.copyOf(firing);
            recent = List.copyOf(recent);
        }
    }

    /** A board keeping the last {@link #DEFAULT_CAPACITY} events. */
    public AlertBoard() {
        this(DEFAULT_CAPACITY);
    }

    /** A board keeping the last {@code capacity} events. */
    public AlertBoard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(capacity);
    }

    /** Takes one event; called by the writer only. */
    @Override
    public void onAlert(AlertEvent event) {
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(event);
        // A re-fire (worse, or its eta moved) keeps its id and replaces the earlier event in place.
        if (event.state() == AlertEvent.State.FIRING) {
            firing.put(event.id(), event);
        } else {
            firing.remove(event.id());
        }
        events++;
        // Events are rare next to frames, so copying at most `capacity` references per event is cheap.
        view.set(new View(List.copyOf(firing.values()), List.copyOf(recent), events));
    }

    /**
     * Forgets every alert, for a twin that starts again (a replay seeking back); called by the writer
     * only. The event count goes on (plus one for the reset itself), so it still works as a revision
     * that tells pages to fetch the alerts again.
     */
    public void clear() {
        recent.clear();
        firing.clear();
        events++;
        view.set(new View(List.of(), List.of(), events));
    }

    /** The latest view; safe from any thread. */
    public View view() {
        return view.get();
    }
}
