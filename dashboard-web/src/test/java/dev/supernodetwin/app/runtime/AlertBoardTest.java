package dev.supernodetwin.app.runtime;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class AlertBoardTest {
    private static AlertEvent event(String id, State state, AlertEvent.Severity severity) {
        return new AlertEvent(id, 1_767_225_600_000L, "sn01", state, AlertEvent.Kind.ANOMALY, severity,
                AlertEvent.Category.COOLING, "cooling.flow", "sn01/cdu1", OptionalInt.empty(),
                new AlertEvent.RootCause("sn01/cdu1", OptionalInt.empty(), "flow at 60 % of design"),
                List.of("sn01/cdu1"), OptionalLong.empty(), "CDU flow low");
    }

    @Test
    void keepsTheLatestEventsUpToItsCapacityAndEveryAlertStillFiring() {
        AlertBoard board = new AlertBoard(2);
        board.onAlert(event("a", State.FIRING, AlertEvent.Severity.WARNING));
        board.onAlert(event("b", State.FIRING, AlertEvent.Severity.WARNING));
        board.onAlert(event("c", State.FIRING, AlertEvent.Severity.WARNING));

        AlertBoard.View view = board.view();

        assertThat(view.events()).isEqualTo(3);
        assertThat(view.recent()).extracting(AlertEvent::id).containsExactly("b", "c");
        assertThat(view.firing()).extracting(AlertEvent::id).containsExactly("a", "b", "c");
    }

    @Test
    void aReFiredAlertReplacesItsEarlierEventAndAResolvedOneLeavesTheFiringSet() {
        AlertBoard board = new AlertBoard();
        board.onAlert(event("a", State.FIRING, AlertEvent.Severity.WARNING));
        board.onAlert(event("b", State.FIRING, AlertEvent.Severity.WARNING));
        AlertBoard.View before = board.view();
        board.onAlert(event("a", State.FIRING, AlertEvent.Severity.ALARM));
        board.onAlert(event("b", State.RESOLVED, AlertEvent.Severity.WARNING));

        assertThat(board.view().firing()).singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(AlertEvent.Severity.ALARM));
        assertThat(board.view().recent()).hasSize(4);
        // A view already handed out does not change under its reader.
        assertThat(before.firing()).extracting(AlertEvent::id).containsExactly("a", "b");
        assertThat(before.recent()).hasSize(2);
    }

    @Test
    void clearingForgetsEveryAlertAndMovesTheRevisionOn() {
        AlertBoard board = new AlertBoard();
        board.onAlert(event("a", State.FIRING, AlertEvent.Severity.WARNING));
        long before = board.view().events();

        board.clear();

        assertThat(board.view().firing()).isEmpty();
        assertThat(board.view().recent()).isEmpty();
        assertThat(board.view().events()).isGreaterThan(before);
    }
}
