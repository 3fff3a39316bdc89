package dev.supernodetwin.core.detect;

import java.util.List;

/**
 * The parameters of one detector, as a rule carries them. Each spec reports all of its own problems
 * so that a rule file can be checked in one pass.
 */
public sealed interface DetectorSpec
        permits ThresholdSpec, EwmaSpec, CusumSpec, CounterRateSpec, HoltSpec, PeerMadSpec {

    /** Every problem with these parameters, each naming the parameter; empty when usable. */
    List<String> problems();

    /** The detector's name in rule files: {@code thresholds}, {@code ewma}, {@code cusum}, … */
    default String typeName() {
        if (this instanceof ThresholdSpec) {
            return "thresholds";
        } else if (this instanceof EwmaSpec) {
            return "ewma";
        } else if (this instanceof CusumSpec) {
            return "cusum";
        } else if (this instanceof CounterRateSpec) {
            return "counter_rate";
        } else if (this instanceof HoltSpec) {
            return "holt";
        }
        return "peer_mad";
    }

    /** Throws if {@link #problems()} is not empty; detectors call this when built. */
    default void requireValid() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + String.join("; ", problems));
        }
    }
}
