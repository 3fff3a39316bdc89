package dev.supernodetwin.core.evaluate;

/**
 * When an alert may count for a fault: it must fire no earlier than onset − {@code onsetToleranceMillis}
 * and before the fault's end + {@code graceMillis} (a fault without an end stays open).
 *
 * @param onsetToleranceMillis how early an alert may fire (clock skew, the sample that straddles onset)
 * @param graceMillis          how long after the fault clears an alert still counts for it
 */
public record MatchWindow(long onsetToleranceMillis, long graceMillis) {

    /** Both must be non-negative. */
    public MatchWindow {
        if (onsetToleranceMillis < 0 || graceMillis < 0) {
            throw new IllegalArgumentException("match tolerances must not be negative");
        }
    }

    /** One second early, one minute after the end. */
    public static MatchWindow defaults() {
        return new MatchWindow(1_000, 60_000);
    }
}
