package dev.supernodetwin.core.detect;

/**
 * One severity level of a static threshold: the value that raises it and the value that clears it
 * again. Keeping the two apart (hysteresis) stops a reading that hovers around one value from
 * raising and clearing on every sample.
 *
 * @param raise value beyond which the level is raised; NaN when the level is not used
 * @param clear value the reading must get back past (strictly) to clear the level
 */
public record Level(double raise, double clear) {
    /** A level that is not used. */
    public static final Level NONE = new Level(Double.NaN, Double.NaN);

    /** A level raised and cleared at the same value (state codes, counters). */
    public static Level at(double value) {
        return new Level(value, value);
    }

    /** Whether this level takes part in detection. */
    public boolean used() {
        return !Double.isNaN(raise);
    }
}
