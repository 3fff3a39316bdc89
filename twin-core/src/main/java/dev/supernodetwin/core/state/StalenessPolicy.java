package dev.supernodetwin.core.state;

/**
 * When a sensor counts as stale: when its age exceeds {@code factor} times its device's usual reporting
 * period, and never sooner than {@code minimumMillis}. Learning the period per device means a GPU
 * polled every second and optics polled every minute are each judged by their own cadence.
 *
 * @param factor        how many missed periods make a sensor stale
 * @param minimumMillis the shortest staleness window, so jitter on fast devices does not flicker
 */
public record StalenessPolicy(double factor, long minimumMillis) {

    /** Three missed periods, never sooner than 5 s. */
    public static final StalenessPolicy DEFAULT = new StalenessPolicy(3.0, 5_000);

    /** Checks the parameters. */
    public StalenessPolicy {
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("staleness factor must be >= 1, was " + factor);
        }
        if (minimumMillis <= 0) {
            throw new IllegalArgumentException("minimum staleness window must be > 0 ms, was " + minimumMillis);
        }
    }

    /** The staleness window for a device whose usual period is {@code periodMillis} (0 when unknown). */
    public long windowMillis(long periodMillis) {
        return Math.max(minimumMillis, (long) (factor * periodMillis));
    }
}
