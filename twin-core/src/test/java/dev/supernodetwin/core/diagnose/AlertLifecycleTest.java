package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.supernodetwin.core.diagnose.DetectionRig.WARM_UP;
import static dev.supernodetwin.core.metric.Metric.STATE;
import static org.assertj.core.api.Assertions.assertThat;

/** One alert per fault over its life: fired once, kept through flapping, resolved after the hold. */
class AlertLifecycleTest {
    private static final int ONSET = WARM_UP;

    @Test
    void resolvesTheSameAlertOnlyAfterTheFaultHasStayedGoneForTheHold() {
        DetectionSettings settings = DetectionSettings.defaults();
        DetectionRig rig = new DetectionRig(1_000, 41, settings);
        int cleared = ONSET + 20;
        rig.hold("lp/leak", STATE, ONSET, cleared, 1);

        rig.runTo(cleared + 200);

        List<AlertEvent> events = rig.events();
        assertThat(events).as(rig.describe()).extracting(AlertEvent::state)
                .containsExactly(State.FIRING, State.RESOLVED);
        assertThat(events.get(1).id()).isEqualTo(events.get(0).id());
        // The leak was last seen at tick cleared − 1; the hold counts from there.
        long lastSeen = rig.time(cleared - 1);
        assertThat(events.get(1).ts()).isBetween(lastSeen + settings.resolveAfterMs(),
                lastSeen + settings.resolveAfterMs() + 2 * rig.periodMs);
    }

    @Test
    void keepsOneFiringAlertForALinkThatFlapsEveryFewSeconds() {
        DetectionRig rig = new DetectionRig(1_000, 43);
        String lane = "lp/sw/oe2#1";
        int end = ONSET + 60;
        // Marginal optics (F16): dark for 2 s out of every 5 s for a minute, then steady.
        for (int down = ONSET; down < end; down += 5) {
            rig.darkReceiver(lane, down, down + 2);
        }

        rig.runTo(end + 180);

        List<AlertEvent> events = rig.events();
        assertThat(events).as(rig.describe()).extracting(AlertEvent::state)
                .containsExactly(State.FIRING, State.RESOLVED);
        assertThat(events.get(1).id()).isEqualTo(events.get(0).id());
        assertThat(events.get(0).rootCause().device()).isEqualTo("lp/sw/oe2");
        assertThat(events.get(0).rootCause().lane()).hasValue(1);
        long hold = DetectionSettings.defaults().resolveAfterMs();
        // The last dark reading is at tick end − 4 (dark for ticks down and down + 1 of the last cycle).
        int lastDark = end - 5 + 1;
        assertThat(events.get(1).ts()).isGreaterThanOrEqualTo(rig.time(lastDark) + hold);
    }
}
