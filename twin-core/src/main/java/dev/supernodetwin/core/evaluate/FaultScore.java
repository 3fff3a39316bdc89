package dev.supernodetwin.core.evaluate;

import dev.supernodetwin.core.sim.GroundTruth;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How the twin did on one injected fault.
 *
 * @param truth            the fault
 * @param periodMillis     the case's telemetry period
 * @param latencyMillis    first matching firing − onset; empty when missed
 * @param rootCauseCorrect whether the first matching alert blamed the true root cause; empty when missed
 * @param alerts           distinct alerts (by id) that matched the fault
 * @param hardwareAlerts   of those, alerts whose category is not sensor (what a negative fault must avoid)
 * @param leadMillis       failure − first matching prediction; empty without a failure time or prediction
 * @param etaError         |eta − failure| / (failure − onset) of that prediction; empty likewise
 */
public record FaultScore(GroundTruth truth, long periodMillis, OptionalLong latencyMillis,
                         Optional<Boolean> rootCauseCorrect, int alerts, int hardwareAlerts,
                         OptionalLong leadMillis, OptionalDouble etaError) {

    /** Requires every part. */
    public FaultScore {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(latencyMillis, "latencyMillis");
        Objects.requireNonNull(rootCauseCorrect, "rootCauseCorrect");
        Objects.requireNonNull(leadMillis, "leadMillis");
        Objects.requireNonNull(etaError, "etaError");
    }

    /** Whether any alert matched. */
    public boolean detected() {
        return latencyMillis.isPresent();
    }

    /** Latency in telemetry samples; empty when missed. */
    public OptionalDouble latencySamples() {
        return latencyMillis.isPresent() ? OptionalDouble.of((double) latencyMillis.getAsLong() / periodMillis)
                : OptionalDouble.empty();
    }

    /** Lead time as a share of onset → failure; empty without a prediction or failure time. */
    public OptionalDouble leadFraction() {
        if (leadMillis.isEmpty() || truth.failureMillis().isEmpty()) {
            return OptionalDouble.empty();
        }
        long life = truth.failureMillis().getAsLong() - truth.onsetMillis();
        return life <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) leadMillis.getAsLong() / life);
    }
}
