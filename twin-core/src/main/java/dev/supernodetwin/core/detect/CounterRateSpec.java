package dev.supernodetwin.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of a counter-rate detector. A window closes at the first reading at least
 * {@code windowMs} after it opened; it is flagged when its increase reaches {@code minIncrease} or its
 * rate reaches {@code ratePerSecond}. Either test can be switched off with +∞.
 *
 * <p>Examples (domain §10): NVLink replay Δ ≥ 1 (G-N2): {@code minIncrease 1}; NVLink CRC ≥ 100/s
 * (G-N3): {@code ratePerSecond 100}; PCIe replays > 31/min (G-P1): a 60 s window with
 * {@code minIncrease 32}, since counts are whole numbers.
 *
 * @param minIncrease   increase within one window that flags it
 * @param ratePerSecond rate over one window that flags it
 * @param windowMs      minimum window length in event-time ms; 0 = every pair of readings
 * @param severity      level reported when flagged (1..3)
 */
public record CounterRateSpec(double minIncrease, double ratePerSecond, long windowMs, int severity)
        implements DetectorSpec {

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
        if (severity < Severity.WARNING || severity > Severity.CRITICAL) {
            out.add("severity must be 1..3, was " + severity);
        }
        return out;
    }
}
