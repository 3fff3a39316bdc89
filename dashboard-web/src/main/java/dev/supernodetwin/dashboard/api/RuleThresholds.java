package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.detect.Rule;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.detect.Severity;
import dev.supernodetwin.core.detect.ThresholdSpec;
import dev.supernodetwin.core.detect.Transform;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.EngineForm;
import io.vertx.core.json.JsonObject;

import java.util.Optional;

/**
 * The static thresholds of the rules in force, as a page draws them:
 * {@code {"warning": 85, "alarm": 90, "critical": 95, "direction": "above"}} with unused levels left out.
 * Only threshold rules on raw values count; statistical detectors have no line to draw.
 */
public final class RuleThresholds {
    private RuleThresholds() {
    }

    /** Every threshold keyed {@code <section>.<metric>}; a rule for all forms wins over a form-specific one. */
    public static JsonObject all(RuleSet rules) {
        JsonObject out = new JsonObject();
        for (boolean general : new boolean[] {true, false}) {
            for (Rule r : rules.rules()) {
                if (r.form().isEmpty() == general && r.transform() == Transform.RAW
                        && r.detector() instanceof ThresholdSpec t) {
                    String key = section(r.kind()) + "." + r.metric().wireName();
                    if (!out.containsKey(key)) {
                        out.put(key, json(t));
                    }
                }
            }
        }
        return out;
    }

    /** The threshold in force for one sensor, if a threshold rule covers it. */
    public static Optional<JsonObject> of(RuleSet rules, DeviceKind kind, Optional<EngineForm> form, Metric metric) {
        return rules.rulesFor(kind, form, metric).stream()
                .filter(r -> r.transform() == Transform.RAW && r.detector() instanceof ThresholdSpec)
                .findFirst().map(r -> json((ThresholdSpec) r.detector()));
    }

    /** The topology section a kind's devices are listed in. */
    public static String section(DeviceKind kind) {
        return switch (kind) {
            case ELS -> "laser";
            case OCS -> "ocsPort";
            default -> kind.wireName();
        };
    }

    private static JsonObject json(ThresholdSpec t) {
        JsonObject o = new JsonObject();
        String[] names = {"warning", "alarm", "critical"};
        int[] severities = {Severity.WARNING, Severity.ALARM, Severity.CRITICAL};
        for (int i = 0; i < names.length; i++) {
            if (t.level(severities[i]).used()) {
                o.put(names[i], t.level(severities[i]).raise());
            }
        }
        return o.put("direction", t.comparison().highSide() ? "above" : "below");
    }
}
