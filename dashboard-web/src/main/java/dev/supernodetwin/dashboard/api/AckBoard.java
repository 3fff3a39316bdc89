package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.core.alert.AlertEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Acknowledgements of firing alerts, kept in memory: who acknowledged which alert and when. An ack is
 * forgotten once its alert has left both the firing set and the recent events, so the board stays as
 * small as the alert board.
 */
public final class AckBoard {
    /** One acknowledgement: who and when (wall clock, epoch ms). */
    public record Ack(String id, String by, long at) {
    }

    private final Map<String, Ack> acks = new LinkedHashMap<>();

    /**
     * Acknowledges {@code id} if it is firing in {@code view}.
     *
     * @return the acknowledgement, empty when no such alert is firing
     */
    public synchronized Optional<Ack> ack(AlertBoard.View view, String id, String by, long at) {
        if (view.firing().stream().noneMatch(e -> e.id().equals(id))) {
            return Optional.empty();
        }
        Set<String> known = known(view);
        acks.keySet().retainAll(known);
        Ack ack = new Ack(id, by, at);
        acks.put(id, ack);
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

    private static Set<String> known(AlertBoard.View view) {
        return Stream.concat(view.firing().stream(), view.recent().stream()).map(AlertEvent::id)
                .collect(Collectors.toSet());
    }
}
