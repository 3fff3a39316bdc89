package dev.supernodetwin.core.diagnose;

/**
 * How the detection engine correlates and reports, beside the per-signal rules.
 *
 * @param evaluationMs          event time between root-cause evaluations; symptoms seen within one
 *                              interval are judged together
 * @param switchingGraceMs      how long lanes through an OCS port stay quiet after it last reported
 *                              {@code switching} (a planned reconfiguration re-locks within this)
 * @param resolveAfterMs        event time a root cause must stay gone before its alert resolves (the
 *                              hysteresis that keeps a flapping fault one alert)
 * @param minConfidence         confidence a forecast needs before it is reported
 * @param forecastHoldMs        event time a forecast must hold, evaluation after evaluation, before
 *                              it is reported (a job starting warms every GPU for a minute)
 * @param eolBiasRise           relative laser bias rise at end of life (domain §3.2: +20 %)
 * @param laserTempCoefficient  relative bias change per kelvin of laser temperature, removed before
 *                              judging ageing
 * @param laserHorizonMs        an end of life further away than this is not reported
 * @param staleScanMs           event time between scans for sensors that stopped reporting
 */
public record DetectionSettings(long evaluationMs, long switchingGraceMs, long resolveAfterMs, double minConfidence,
                                long forecastHoldMs, double eolBiasRise, double laserTempCoefficient,
                                long laserHorizonMs, long staleScanMs) {
    /** The defaults: evaluate every second, 5 s switching grace, resolve after 60 s clear,
     * forecasts at confidence 0.7 held for 30 s. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(1_000, 5_000, 60_000, 0.7, 30_000, 0.20, 0.005, 30L * 86_400_000, 5_000);
    }

    /** Checks ranges. */
    public DetectionSettings {
        if (evaluationMs <= 0 || switchingGraceMs < 0 || resolveAfterMs < 0 || staleScanMs <= 0
                || laserHorizonMs <= 0) {
            throw new IllegalArgumentException("detection intervals must be positive");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1) || forecastHoldMs < 0 || forecastHoldMs > 1_000_000
                || !(eolBiasRise > 0) || !(laserTempCoefficient >= 0)) {
            throw new IllegalArgumentException("detection settings out of range");
        }
    }
}
