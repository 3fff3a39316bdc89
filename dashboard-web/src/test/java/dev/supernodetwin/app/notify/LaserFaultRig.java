package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.diagnose.DetectionEngine;
import dev.supernodetwin.core.diagnose.DetectionSettings;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The twin's real detection path in this JVM at full speed: a simulated cpo-72 supernode (its own id,
 * so that tests sharing an Alertmanager do not see each other's alerts) whose laser {@link #laser}
 * dies one minute in and comes back a minute later (F3), feeding a twin with the default rules. Event
 * time starts ten minutes in the past, so the resolve is in the past when it is sent.
 */
final class LaserFaultRig {
    static final long PERIOD_MS = 1_000;
    /** The laser that fails, within its supernode. */
    static final String LASER_DEVICE = "/t01/els0";
    /** Longest the simulation runs looking for an event: the fault is over after two minutes. */
    private static final int MAX_TICKS = 600;

    final String supernode = "it" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    final String laserDevice = supernode + LASER_DEVICE;
    final String laser = laserDevice + "#0";
    final Topology topology;
    private final Twin twin;
    private final Simulator simulator;
    private final List<AlertEvent> events = new ArrayList<>();
    private int ticks;

    LaserFaultRig(AlertSink notifier) {
        Topology topo = Topology.of(Presets.expand("cpo-72", supernode));
        this.topology = topo;
        SensorLayout layout = new SensorLayout(topo);
        twin = new Twin(layout, StalenessPolicy.DEFAULT);
        twin.addListener(new DetectionEngine(twin.state(), RuleSet.defaults(), DetectionSettings.defaults(), e -> {
            events.add(e);
            notifier.onAlert(e);
        }));
        long start = (System.currentTimeMillis() - 600_000) / PERIOD_MS * PERIOD_MS;
        Scenario fault = new Scenario(List.of(FaultSpec.of(FaultType.F3, laser, 60_000).withDuration(60_000)));
        simulator = new Simulator(layout, new SimulationSettings(7, start, PERIOD_MS), fault);
    }

    /** Ticks until an event matching {@code wanted} has been raised; returns it. */
    AlertEvent runUntil(Predicate<AlertEvent> wanted, String what) {
        while (ticks < MAX_TICKS) {
            for (AlertEvent e : events) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            simulator.tick(twin::apply);
            ticks++;
        }
        assertThat(events).as("no %s within %d simulated seconds", what, MAX_TICKS).anyMatch(wanted);
        throw new AssertionError("unreachable");
    }

    /** Ticks until the laser's alert has fired; returns its first event. */
    AlertEvent firing() {
        return runUntil(e -> e.state() == State.FIRING && laserDevice.equals(e.rootCause().device()),
                "alert blaming " + laser);
    }

    /** Ticks until the alert {@code id} has resolved; returns the resolve. */
    AlertEvent resolved(String id) {
        return runUntil(e -> e.state() == State.RESOLVED && e.id().equals(id), "resolve of " + id);
    }

    /** Every event raised so far, in order. */
    List<AlertEvent> events() {
        return List.copyOf(events);
    }
}
