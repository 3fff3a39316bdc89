package dev.supernodetwin.core.alert;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An alert changing state (wire format §3): what the twin tells SREs and writes to alert files.
 *
 * @param id        stable id; a resolved event repeats the firing one's
 * @param ts        event time (telemetry time) of the change, epoch ms
 * @param supernode the supernode the alert belongs to
 * @param state     firing or resolved
 * @param kind      anomaly (wrong now) or prediction (will fail)
 * @param severity  warning, alarm or critical
 * @param category  thermal, optical, cooling, gpu, power or sensor
 * @param rule      the rule that fired, e.g. {@code optical.rx_power.low}
 * @param device    the device the alert is about
 * @param lane      the lane, when it is about one
 * @param rootCause the component blamed, which may differ from where the symptoms showed
 * @param affected  the devices or lanes that show the symptoms
 * @param eta       predicted failure time (epoch ms), for predictions
 * @param summary   one line for a human
 */
public record AlertEvent(String id, long ts, String supernode, State state, Kind kind, Severity severity,
                         Category category, String rule, String device, OptionalInt lane, RootCause rootCause,
                         List<String> affected, OptionalLong eta, String summary) {

    /** Checks the required parts and copies the affected list. */
    public AlertEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(rootCause, "rootCause");
        affected = List.copyOf(affected);
        if (kind == Kind.PREDICTION && eta.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs an eta: " + id);
        }
    }

    /** The component blamed, and why. */
    public record RootCause(String device, OptionalInt lane, String reason) {
        /** Requires device and reason. */
        public RootCause {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Firing or resolved. */
    public enum State { FIRING, RESOLVED }

    /** Anomaly or prediction. */
    public enum Kind { ANOMALY, PREDICTION }

    /** How bad. */
    public enum Severity { WARNING, ALARM, CRITICAL }

    /** Which part of the supernode. */
    public enum Category { THERMAL, OPTICAL, COOLING, GPU, POWER, SENSOR }
}
