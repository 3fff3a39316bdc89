package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The faults a simulation injects, in the order written. Empty means a healthy run.
 *
 * @param faults the faults, each with its onset relative to the simulation start
 */
public record Scenario(List<FaultSpec> faults) {

    /** Copies the list. */
    public Scenario {
        Objects.requireNonNull(faults, "faults");
        faults = List.copyOf(faults);
    }

    /** A scenario without faults. */
    public static Scenario healthy() {
        return new Scenario(List.of());
    }

    /**
     * Checks every fault against {@code topology}: known and simulated type, a target of the right
     * kind, onset and duration in range, magnitude and mode meaningful for the fault.
     *
     * @return every problem, each starting with where it is (e.g. {@code "faults[2].target: ..."});
     *         empty when the scenario fits
     */
    public static List<String> validate(Scenario scenario, Topology topology) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < scenario.faults().size(); i++) {
            FaultTargets.resolve(i, scenario.faults().get(i), topology, 0, problems);
        }
        return List.copyOf(problems);
    }
}
