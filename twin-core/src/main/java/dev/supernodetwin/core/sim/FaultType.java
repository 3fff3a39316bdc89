package dev.supernodetwin.core.sim;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The fault scenarios of domain reference §7, by code ({@code F3}) and slug ({@code els-sudden-failure}).
 * Not every scenario is simulated yet; {@link #simulated()} says which are, and a scenario naming one
 * that is not is rejected by {@link Scenario#validate}.
 */
public enum FaultType {
    F1("mrm-thermal-drift", true, 0.5, false),
    F2("els-gradual-degradation", true, Double.NaN, false),
    F3("els-sudden-failure", true, Double.NaN, false),
    F4("els-oe-coupling-loss", true, 2.0, false),
    F5("connector-contamination", true, 1.5, false),
    F6("fibre-bend-break", false, Double.NaN, false),
    F7("ocs-path-degradation", true, 1.5, false),
    F8("ocs-planned-reconfiguration", true, Double.NaN, true),
    F9("coldplate-flow-restriction", true, 0.25, false),
    F10("cdu-pump-failure", true, 0.15, false),
    F11("coolant-leak", true, 0.5, false),
    F12("hbm-degradation", false, Double.NaN, false),
    F13("nvlink-lane-degradation", false, Double.NaN, false),
    F14("gpu-off-bus", false, Double.NaN, false),
    F15("oe-internal-fault", false, Double.NaN, false),
    F16("link-flapping", false, Double.NaN, false),
    F17("sensor-fault", true, Double.NaN, true),
    F18("power-delivery-event", false, Double.NaN, false),
    F19("diurnal-drift", true, 1.5, true);

    private final String slug;
    private final boolean simulated;
    private final double defaultMagnitude;
    private final boolean negative;

    FaultType(String slug, boolean simulated, double defaultMagnitude, boolean negative) {
        this.slug = slug;
        this.simulated = simulated;
        this.defaultMagnitude = defaultMagnitude;
        this.negative = negative;
    }

    /** The code, e.g. {@code "F3"}. */
    public String code() {
        return name();
    }

    /** The slug, e.g. {@code "els-sudden-failure"}. */
    public String slug() {
        return slug;
    }

    /** Whether the simulator can inject this fault. */
    public boolean simulated() {
        return simulated;
    }

    /**
     * Whether this is a negative test (planned reconfiguration, sensor fault, diurnal drift): the twin
     * must not raise a hardware alarm for it.
     */
    public boolean negative() {
        return negative;
    }

    /** The magnitude used when a fault gives none; empty for faults without a magnitude. */
    public OptionalDouble defaultMagnitude() {
        return Double.isNaN(defaultMagnitude) ? OptionalDouble.empty() : OptionalDouble.of(defaultMagnitude);
    }

    /** Looks a fault up by code, case-insensitively ({@code "F3"}, {@code "f3"}). */
    public static Optional<FaultType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        for (FaultType t : values()) {
            if (t.name().equals(upper)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Looks a fault up by slug. */
    public static Optional<FaultType> fromSlug(String slug) {
        for (FaultType t : values()) {
            if (t.slug.equals(slug)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Looks a fault up by code or slug, as scenario files may use either. */
    public static Optional<FaultType> parse(String text) {
        Optional<FaultType> byCode = fromCode(text);
        return byCode.isPresent() ? byCode : fromSlug(text == null ? "" : text.trim());
    }
}
