package dev.supernodetwin.core.evaluate;

import java.util.Objects;

/**
 * One bar checked against the suite.
 *
 * @param bar      what is measured, e.g. "faults detected"
 * @param measured the value measured (a share, or a rate for false alarms)
 * @param limit    the bar, written with its comparison, e.g. "≥ 95 %"
 * @param basis    what the value was measured over, e.g. "0 of 17 faults"
 * @param passed   whether the value clears the bar
 */
public record BarResult(String bar, String measured, String limit, String basis, boolean passed) {

    /** Requires every part. */
    public BarResult {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(basis, "basis");
    }
}
