package dev.supernodetwin.core.detect;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.EngineForm;

import java.util.Objects;
import java.util.Optional;

/**
 * Which detector watches which metric, on which kind of device (and engine form, for engines).
 *
 * <p>For a {@link PeerMadSpec} the peers are the other lanes of the same device for a lane metric,
 * and the devices of the same kind in the same rack for a device metric.
 *
 * @param id        rule id from the rule sheet (domain §10), e.g. {@code G-T1}, for alerts and overrides
 * @param kind      kind of device
 * @param form      engine form the rule is limited to; empty for every form (and for non-engines)
 * @param metric    metric watched
 * @param transform how the reading is turned into the detector's input
 * @param detector  detector and its parameters
 */
public record Rule(String id, DeviceKind kind, Optional<EngineForm> form, Metric metric, Transform transform,
                   DetectorSpec detector) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(detector, "detector");
    }

    /** A rule for every form of {@code kind}, on the raw reading. */
    public static Rule of(String id, DeviceKind kind, Metric metric, DetectorSpec detector) {
        return new Rule(id, kind, Optional.empty(), metric, Transform.RAW, detector);
    }

    /** This rule on transformed readings. */
    public Rule with(Transform t) {
        return new Rule(id, kind, form, metric, t, detector);
    }

    /** This rule limited to one engine form. */
    public Rule on(EngineForm f) {
        return new Rule(id, kind, Optional.of(f), metric, transform, detector);
    }

    /**
     * What an override must match to replace this rule: kind, form, metric, transform and the
     * detector's type (with the side of a threshold: a metric may have a low and a high one).
     */
    public Key key() {
        String variant = detector.typeName();
        if (detector instanceof ThresholdSpec t) {
            variant += t.comparison().highSide() ? "/high" : "/low";
        }
        return new Key(kind, form, metric, transform, variant);
    }

    /** The identity of a rule for overrides; see {@link Rule#key()}. */
    public record Key(DeviceKind kind, Optional<EngineForm> form, Metric metric, Transform transform,
                      String variant) {
    }

    /** A readable place for messages, e.g. {@code G-T1 gpu temp_c thresholds/high}. */
    public String where() {
        return id + " " + kind.wireName() + form.map(f -> "/" + f.wireName()).orElse("") + " "
                + metric.wireName() + (transform == Transform.RAW ? "" : " " + transform.name().toLowerCase())
                + " " + key().variant();
    }
}
