package dev.supernodetwin.core.detect;

/**
 * Which side of a threshold is abnormal, and whether the threshold value itself already is. Rule
 * sheets mix "≥ 87 °C" and "> 75 °C"; readings are quantised, so the difference matters at the edge.
 */
public enum Comparison {
    /** Abnormal at or above the level (high side, e.g. G-T1 ≥ 87 °C). */
    AT_OR_ABOVE,
    /** Abnormal strictly above the level (high side, e.g. O-M1 > 75 °C). */
    ABOVE,
    /** Abnormal at or below the level (low side). */
    AT_OR_BELOW,
    /** Abnormal strictly below the level (low side, e.g. O-R1 < −5.9 dBm). */
    BELOW;

    /** Whether larger values are worse. */
    public boolean highSide() {
        return this == AT_OR_ABOVE || this == ABOVE;
    }

    /** Whether {@code value} is beyond {@code level} on the abnormal side. */
    public boolean beyond(double value, double level) {
        return switch (this) {
            case AT_OR_ABOVE -> value >= level;
            case ABOVE -> value > level;
            case AT_OR_BELOW -> value <= level;
            case BELOW -> value < level;
        };
    }

    /**
     * Whether {@code value} is back on the normal side of a clear level. The clear test is strict so
     * that a value sitting exactly on the clear level keeps the condition, like a latched CMIS flag.
     */
    public boolean cleared(double value, double clear) {
        return highSide() ? value < clear : value > clear;
    }
}
