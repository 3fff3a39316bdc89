package dev.supernodetwin.core.evaluate;

/**
 * The bars detection must clear (the evaluation issue's acceptance criteria). Fractions are of the
 * faults a bar is about; a missed fault counts against every bar it is in.
 *
 * @param minDetected           share of injected (non-negative) faults detected
 * @param minRootCauseCorrect   share of multi-lane faults (laser, engine, OCS port, cold plate, CDU) whose
 *                              first matching alert blames the true root cause
 * @param minSingleAlert        share of injected faults that raise exactly one alert
 * @param maxFalseAlarmsPer1000DeviceDays false hardware alarms per 1,000 device-days over the healthy and
 *                              negative cases
 * @param maxStepLatencySamples how many telemetry periods after onset a step fault may be detected
 * @param minStepOnTime         share of step faults detected within {@code maxStepLatencySamples}
 * @param minLeadFraction       a laser-ageing prediction's lead time as a share of onset → failure
 * @param maxEtaError           |eta − failure| as a share of onset → failure
 * @param minAgeingPredicted    share of laser-ageing faults predicted within both limits
 */
public record Bars(double minDetected, double minRootCauseCorrect, double minSingleAlert,
                   double maxFalseAlarmsPer1000DeviceDays, double maxStepLatencySamples, double minStepOnTime,
                   double minLeadFraction, double maxEtaError, double minAgeingPredicted) {

    /** Fractions must lie in [0, 1] and limits must not be negative. */
    public Bars {
        for (double f : new double[] {minDetected, minRootCauseCorrect, minSingleAlert, minStepOnTime,
                minLeadFraction, maxEtaError, minAgeingPredicted}) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("bar fractions must lie in [0, 1], was " + f);
            }
        }
        if (!(maxFalseAlarmsPer1000DeviceDays >= 0) || !(maxStepLatencySamples >= 0)) {
            throw new IllegalArgumentException("false-alarm rate and step latency limits must not be negative");
        }
    }

    /** The bars of the evaluation issue. */
    public static Bars issueDefaults() {
        return new Bars(0.95, 0.90, 0.90, 1.0, 2, 0.95, 0.25, 0.25, 1.0);
    }
}
