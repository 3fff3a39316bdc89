package dev.supernodetwin.core.sim;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One fault to inject, as a scenario file writes it. Whether the target exists and suits the fault is
 * checked against a topology by {@link Scenario#validate}; this record only requires its parts.
 *
 * @param type           which fault
 * @param target         what it hits: a device id, a lane {@code DEVICE#INDEX}, or for F17 a sensor
 *                       {@code "DEVICE metric"} / {@code "DEVICE#LANE metric"}
 * @param onsetMillis    when it starts, as an offset from the simulation start
 * @param durationMillis how long it lasts (F2: time to the laser's end of life; F8: the window);
 *                       empty means it persists
 * @param magnitude      its size in the fault's own unit (see {@code docs/simulator.md}); empty for the default
 * @param mode           a variant: F17 {@code stuck|spike|dropout}, F19 {@code period=2h}
 */
public record FaultSpec(FaultType type, String target, long onsetMillis, OptionalLong durationMillis,
                        OptionalDouble magnitude, Optional<String> mode) {

    /** Requires every part to be present (absent optionals are fine). */
    public FaultSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(durationMillis, "durationMillis");
        Objects.requireNonNull(magnitude, "magnitude");
        Objects.requireNonNull(mode, "mode");
    }

    /** A fault with default duration, magnitude and mode. */
    public static FaultSpec of(FaultType type, String target, long onsetMillis) {
        return new FaultSpec(type, target, onsetMillis, OptionalLong.empty(), OptionalDouble.empty(), Optional.empty());
    }

    /** This fault with a duration. */
    public FaultSpec withDuration(long millis) {
        return new FaultSpec(type, target, onsetMillis, OptionalLong.of(millis), magnitude, mode);
    }

    /** This fault with a magnitude. */
    public FaultSpec withMagnitude(double value) {
        return new FaultSpec(type, target, onsetMillis, durationMillis, OptionalDouble.of(value), mode);
    }

    /** This fault with a mode. */
    public FaultSpec withMode(String value) {
        return new FaultSpec(type, target, onsetMillis, durationMillis, magnitude, Optional.of(value));
    }
}
