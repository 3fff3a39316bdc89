package dev.supernodetwin.core.detect;

/**
 * Severity levels as the small integers detectors return: 0 none, 1 warning, 2 alarm, 3 critical.
 * Plain ints keep per-sensor state in byte arrays; these constants name them.
 */
public final class Severity {
    /** Nothing abnormal. */
    public static final int NONE = 0;
    /** Worth a look; no action yet. */
    public static final int WARNING = 1;
    /** Out of specification; act. */
    public static final int ALARM = 2;
    /** Damage or loss of service imminent. */
    public static final int CRITICAL = 3;

    private Severity() {
    }

    /** The name of a severity, for messages. */
    public static String name(int severity) {
        return switch (severity) {
            case NONE -> "none";
            case WARNING -> "warning";
            case ALARM -> "alarm";
            case CRITICAL -> "critical";
            default -> throw new IllegalArgumentException("severity must be 0..3, was " + severity);
        };
    }
}
