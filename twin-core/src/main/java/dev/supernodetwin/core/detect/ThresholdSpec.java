package dev.supernodetwin.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of a multi-level static threshold on one side of a signal (a CMIS HW/HA pair, a DCGM
 * limit). A signal with both a low and a high side (Tx power) gets two of these.
 *
 * <p>The compact constructor only rejects nulls: rule files must be able to report every problem at
 * once, so the checks live in {@link #problems()}, and {@link Thresholds} refuses a spec that has any.
 *
 * @param comparison which side is abnormal
 * @param warning    level 1, or {@link Level#NONE}
 * @param alarm      level 2, or {@link Level#NONE}
 * @param critical   level 3, or {@link Level#NONE}
 * @param dwell      consecutive samples beyond a level before it is raised (1 = at once)
 */
public record ThresholdSpec(Comparison comparison, Level warning, Level alarm, Level critical, int dwell)
        implements DetectorSpec {

    public ThresholdSpec {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(critical, "critical");
    }

    /** High-side thresholds raised and cleared at the same values (no hysteresis), dwell 1. */
    public static ThresholdSpec above(Comparison comparison, double warning, double alarm, double critical) {
        return new ThresholdSpec(comparison, level(warning), level(alarm), level(critical), 1);
    }

    private static Level level(double v) {
        return Double.isNaN(v) ? Level.NONE : Level.at(v);
    }

    /** This spec with a different dwell. */
    public ThresholdSpec withDwell(int samples) {
        return new ThresholdSpec(comparison, warning, alarm, critical, samples);
    }

    /** The level for severity 1..3. */
    public Level level(int severity) {
        return switch (severity) {
            case Severity.WARNING -> warning;
            case Severity.ALARM -> alarm;
            case Severity.CRITICAL -> critical;
            default -> throw new IllegalArgumentException("severity must be 1..3, was " + severity);
        };
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (dwell < 1 || dwell > 127) {
            out.add("dwell must be 1..127 samples, was " + dwell);
        }
        Level previous = null;
        String previousName = null;
        for (int s = Severity.WARNING; s <= Severity.CRITICAL; s++) {
            Level l = level(s);
            String name = Severity.name(s);
            if (!l.used()) {
                continue;
            }
            if (!Double.isFinite(l.raise()) || !Double.isFinite(l.clear())) {
                out.add(name + ": raise and clear must be finite, were " + l.raise() + " and " + l.clear());
                continue;
            }
            if (comparison.highSide() ? l.clear() > l.raise() : l.clear() < l.raise()) {
                out.add(name + ": clear " + l.clear() + " must be on the normal side of raise " + l.raise()
                        + (comparison.highSide() ? " (clear ≤ raise)" : " (clear ≥ raise)"));
            }
            if (previous != null && (comparison.highSide() ? l.raise() < previous.raise() : l.raise() > previous.raise())) {
                out.add(name + ": raise " + l.raise() + " is less severe than " + previousName + " raise "
                        + previous.raise());
            }
            previous = l;
            previousName = name;
        }
        if (previous == null) {
            out.add("at least one of warning, alarm, critical must be set");
        }
        return out;
    }
}
