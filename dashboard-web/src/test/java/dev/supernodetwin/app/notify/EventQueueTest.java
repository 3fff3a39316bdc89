package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;
import org.junit.jupiter.api.Test;

import static dev.supernodetwin.app.notify.Fakes.T0;
import static dev.supernodetwin.app.notify.Fakes.laser;
import static org.assertj.core.api.Assertions.assertThat;

class EventQueueTest {
    private final EventQueue queue = new EventQueue(3);

    @Test
    void aFullQueueDropsItsOldestFiringEventFirst() throws Exception {
        queue.offer(laser("a-1", T0, State.FIRING));
        queue.offer(laser("a-2", T0, State.RESOLVED));
        queue.offer(laser("a-3", T0, State.FIRING));

        assertThat(queue.offer(laser("a-4", T0, State.FIRING))).isEqualTo(1);

        assertThat(queue.take(10, 0)).extracting(AlertEvent::id).containsExactly("a-2", "a-3", "a-4");
    }

    @Test
    void neverDropsAResolve() throws Exception {
        for (int i = 0; i < 3; i++) {
            queue.offer(laser("r-" + i, T0, State.RESOLVED));
        }

        assertThat(queue.offer(laser("f", T0, State.FIRING))).as("a firing event finds no room").isEqualTo(1);
        assertThat(queue.offer(laser("r-3", T0, State.RESOLVED))).as("a resolve goes in regardless").isZero();

        assertThat(queue.take(10, 0)).extracting(AlertEvent::id).containsExactly("r-0", "r-1", "r-2", "r-3");
    }

    @Test
    void takesAtMostTheBatchAndReturnsEmptyWhenNothingCame() throws Exception {
        queue.offer(laser("a-1", T0, State.FIRING));
        queue.offer(laser("a-2", T0, State.FIRING));

        assertThat(queue.take(1, 0)).extracting(AlertEvent::id).containsExactly("a-1");
        assertThat(queue.take(1, 0)).extracting(AlertEvent::id).containsExactly("a-2");
        assertThat(queue.take(1, 0)).isEmpty();
    }
}
