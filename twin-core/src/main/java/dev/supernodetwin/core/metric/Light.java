package dev.supernodetwin.core.metric;

/** Optical power levels that mean the same everywhere in the twin, whatever the link budget. */
public final class Light {
    /**
     * No light at all: far below any receiver's sensitivity and any working laser's output, so a reading
     * at or under it is a dark laser, fibre or lane (or a sensor that says so wrongly), not a weak one.
     */
    public static final double DARK_DBM = -20;

    private Light() {
    }
}
