package dev.supernodetwin.core.evaluate;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.sim.GroundTruth;

import java.util.List;
import java.util.Objects;

/**
 * One simulated run to score: what happened, what the twin said, and the exposure for rates.
 *
 * @param name         case name from the suite
 * @param preset       the topology preset it ran on
 * @param devices      devices in the topology (for false alarms per device-day)
 * @param spanMillis   event time the run covered
 * @param periodMillis telemetry period (one sample), for step-latency bars
 * @param truths       the ground truth of every injected fault
 * @param alerts       every alert event the replay wrote, in order
 */
public record EvaluationCase(String name, String preset, int devices, long spanMillis, long periodMillis,
                             List<GroundTruth> truths, List<AlertEvent> alerts) {

    /** Requires a name, devices, a positive span and period; copies the lists. */
    public EvaluationCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preset, "preset");
        if (devices < 1 || spanMillis <= 0 || periodMillis <= 0) {
            throw new IllegalArgumentException("a case needs devices, a positive span and a positive period: " + name);
        }
        truths = List.copyOf(truths);
        alerts = List.copyOf(alerts);
    }

    /** Device-days of exposure: devices × span in days. */
    public double deviceDays() {
        return devices * (spanMillis / 86_400_000.0);
    }

    /** True when the case injects nothing that should be detected (healthy or negative faults only). */
    public boolean control() {
        return truths.stream().allMatch(GroundTruth::negative);
    }
}
