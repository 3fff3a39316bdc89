package dev.supernodetwin.ingest.scenario;

import dev.supernodetwin.core.sim.Scenario;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A scenario file as read: the faults and the seed the file suggests (the command line may override it).
 *
 * @param seed     the file's {@code seed}, if it has one
 * @param scenario the faults
 */
public record ScenarioDocument(OptionalLong seed, Scenario scenario) {

    /** Requires both parts. */
    public ScenarioDocument {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(scenario, "scenario");
    }
}
