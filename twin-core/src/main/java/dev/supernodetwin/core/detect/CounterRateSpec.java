package dev.supernodetwin.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of a counter-rate detector. A window closes at the first reading at least
 * {@code windowMs} after it opened; it is flagged when its increase reaches {@code minIncrease} or its
 * rate reaches {@code ratePerSecond}, each test with its own severity; the higher of the two is
 * reported. Either test can be switched off with +∞. One spec carries both so that a counter with a
 * warning and an alarm rule (NVLink CRC) keeps one set of per-sensor state.
 *
 * <p>Examples (domain §10): NVLink replay Δ ≥ 1 (G-N2): {@code minIncrease 1}; NVLink CRC any → warn
 * (G-N1) and ≥ 100/s → fail (G-N3); PCIe replays > 31/min (G-P1): a 60 s window with
 * {@code minIncrease 32}, since counts are whole numbers.
 *
 * @param minIncrease      increase within one window that flags it
 * @param increaseSeverity level reported for the increase test (1..3)
 * @param ratePerSecond    rate over one window that flags it
 * @param rateSeverity     level reported for the rate test (1..3)
 * @param windowMs         minimum window length in event-time ms; 0 = every pair of readings
 */
public record CounterRateSpec(double minIncrease, int increaseSeverity, double ratePerSecond, int rateSeverity,
                              long windowMs) implements DetectorSpec {
    private static final double OFF = Double.POSITIVE_INFINITY;

    /** Flags an increase of at least {@code minIncrease} per window at {@code severity}. */
    public static CounterRateSpec increase(double minIncrease, int severity, long windowMs) {
        return new CounterRateSpec(minIncrease, severity, OFF, severity, windowMs);
    }

    /** Flags a rate of at least {@code ratePerSecond} at {@code severity}, every pair of readings. */
    public static CounterRateSpec rate(double ratePerSecond, int severity) {
        return new CounterRateSpec(OFF, severity, ratePerSecond, severity, 0);
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!(minIncrease > 0)) {
            out.add("minIncrease must be positive (or +Infinity to disable), was " + minIncrease);
        }
        if (!(ratePerSecond > 0)) {
            out.add("ratePerSecond must be positive (or +Infinity to disable), was " + ratePerSecond);
        }
        if (minIncrease == Double.POSITIVE_INFINITY && ratePerSecond == Double.POSITIVE_INFINITY) {
            out.add("at least one of minIncrease and ratePerSecond must be finite");
        }
        if (windowMs < 0) {
            out.add("windowMs must be ≥ 0, was " + windowMs);
        }
        if (increaseSeverity < Severity.WARNING || increaseSeverity > Severity.CRITICAL) {
            out.add("increaseSeverity must be 1..3, was " + increaseSeverity);
        }
        if (rateSeverity < Severity.WARNING || rateSeverity > Severity.CRITICAL) {
            out.add("rateSeverity must be 1..3, was " + rateSeverity);
        }
        return out;
    }
}
