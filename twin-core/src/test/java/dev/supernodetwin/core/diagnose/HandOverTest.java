package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supernode moving to a new owner: the new owner re-reads what the old one had handled
 * ({@link Twin#rebuild}) and then carries on. Its detection must end up with the same open alert, report
 * nothing the old owner had reported, and report what happens afterwards (the resolve) under the same id.
 */
class HandOverTest {
    private static final long START = 1_767_225_600_000L;

    private static final class Recorder implements AlertSink {
        final List<AlertEvent> reported = new ArrayList<>();
        final List<AlertEvent> restored = new ArrayList<>();

        @Override
        public void onAlert(AlertEvent event) {
            reported.add(event);
        }

        @Override
        public void onRestored(AlertEvent event) {
            restored.add(event);
        }
    }

    @Test
    void aNewOwnerRestoresTheOpenAlertAndReportsOnlyWhatHappensAfterTheHandOver() {
        Topology topo = Topology.of(Presets.expand("cpo-72", "sn07"));
        SensorLayout layout = new SensorLayout(topo);
        // A laser dies at 120 s and recovers at 300 s; the hand-over happens at 200 s, while it is dark.
        Scenario scenario = new Scenario(List.of(FaultSpec.of(FaultType.F3, "sn07/t01/els0#1", 120_000)
                .withDuration(180_000)));
        List<FrameBuffer> frames = new ArrayList<>();
        Simulator sim = new Simulator(layout, new SimulationSettings(5, START, 1_000), scenario);
        for (int tick = 0; tick < 420; tick++) {
            sim.tick(f -> frames.add(copy(f)));
        }
        int handOver = (int) frames.stream().filter(f -> f.timestamp() < START + 200_000).count();

        Recorder alone = run(layout, frames, 0);
        Recorder oldOwner = run(layout, frames.subList(0, handOver), 0);
        Recorder newOwner = run(layout, frames, handOver);

        AlertEvent fired = alone.reported.get(0);
        assertThat(alone.reported).extracting(AlertEvent::id).containsOnly(fired.id());
        assertThat(oldOwner.reported).extracting(AlertEvent::id).containsOnly(fired.id());
        assertThat(newOwner.restored).extracting(AlertEvent::id).contains(fired.id());
        assertThat(newOwner.reported).as("after the hand-over only the resolve is news")
                .extracting(AlertEvent::id, AlertEvent::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(fired.id(), AlertEvent.State.RESOLVED));
        assertThat(newOwner.reported.get(0).ts()).isEqualTo(alone.reported.get(alone.reported.size() - 1).ts());
    }

    private static FrameBuffer copy(FrameBuffer f) {
        FrameBuffer c = new FrameBuffer(f.size());
        c.begin(f.device(), f.timestamp());
        c.seq(f.seq());
        for (int i = 0; i < f.size(); i++) {
            c.add(f.sensor(i), f.value(i));
        }
        return c;
    }

    /** Detection over {@code frames}, the first {@code rebuilt} of them re-read as an earlier owner's. */
    private static Recorder run(SensorLayout layout, List<FrameBuffer> frames, int rebuilt) {
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        Recorder sink = new Recorder();
        twin.addListener(new DetectionEngine(twin.state(), RuleSet.defaults(), DetectionSettings.defaults(), sink));
        for (int i = 0; i < frames.size(); i++) {
            if (i < rebuilt) {
                twin.rebuild(frames.get(i));
            } else {
                twin.apply(frames.get(i));
            }
        }
        return sink;
    }
}
