package dev.supernodetwin.ingest.evaluate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One case of the evaluation suite: a scenario simulated on a preset.
 *
 * @param name           unique name, used by {@code --only} and in reports
 * @param scenario       the scenario file, resolved against the manifest's folder
 * @param preset         the topology preset (cpo-72, npo-256, oio-1024)
 * @param durationMillis event time to simulate
 * @param periodMillis   telemetry period
 * @param seed           simulator seed
 */
public record SuiteCase(String name, Path scenario, String preset, long durationMillis, long periodMillis, long seed) {

    /** Requires every part, a positive duration and period. */
    public SuiteCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(preset, "preset");
        if (durationMillis <= 0 || periodMillis <= 0) {
            throw new IllegalArgumentException("case " + name + " needs a positive duration and period");
        }
    }

    /** Ticks to simulate to cover the duration. */
    public long ticks() {
        return (durationMillis + periodMillis - 1) / periodMillis;
    }
}
