package dev.supernodetwin.core.sim;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What really happened, for scoring the twin: known when the fault is scheduled, not learnt by watching.
 *
 * @param fault         which fault
 * @param target        the target as the scenario wrote it
 * @param onsetMillis   onset, epoch ms
 * @param endMillis     when the fault clears, epoch ms; empty if it persists
 * @param failureMillis when the component fails (stops doing its job), epoch ms; empty if it does not
 * @param rootCause     the device id or {@code DEVICE#LANE} the twin should blame
 * @param affected      devices or lanes expected to show symptoms, in topology order
 * @param negative      true for faults that must not raise a hardware alarm (F8, F17, F19)
 */
public record GroundTruth(FaultType fault, String target, long onsetMillis, OptionalLong endMillis,
                          OptionalLong failureMillis, String rootCause, List<String> affected, boolean negative) {

    /** Requires every part and copies the list. */
    public GroundTruth {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(endMillis, "endMillis");
        Objects.requireNonNull(failureMillis, "failureMillis");
        Objects.requireNonNull(rootCause, "rootCause");
        affected = List.copyOf(affected);
    }
}
