package dev.supernodetwin.ingest.alerthistory;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.ingest.alerts.AlertEventJson;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of alert history: an alert event (state {@code firing} or {@code resolved}), an
 * acknowledgement ({@code acknowledged}) or a silence change ({@code silenced}, {@code unsilenced}).
 * Fields that do not apply are empty strings (or an empty eta), so every store keeps the same shape.
 *
 * @param ts            epoch ms: the alert's event time, or the wall-clock time of an ack or silence change
 * @param state         firing, resolved, acknowledged, silenced or unsilenced
 * @param id            the alert id, or the silence id
 * @param supernode     the supernode
 * @param kind          anomaly or prediction (alerts)
 * @param severity      warning, alarm or critical (alerts)
 * @param category      thermal, optical, ... (alerts)
 * @param rule          the rule (alerts)
 * @param rootCause     the component blamed ({@code DEV} or {@code DEV#N}); a silence's target
 * @param device        the device the alert is about
 * @param summary       one line for a human
 * @param reason        why the root cause is blamed (alerts)
 * @param affectedCount how many devices or lanes showed symptoms (alerts)
 * @param eta           predicted failure time (predictions)
 * @param by            who acknowledged or changed a silence
 * @param comment       a silence's comment
 */
public record AlertHistoryEntry(long ts, String state, String id, String supernode, String kind, String severity,
                                String category, String rule, String rootCause, String device, String summary,
                                String reason, int affectedCount, OptionalLong eta, String by, String comment) {
    /** States an entry may have. */
    public static final java.util.Set<String> STATES =
            java.util.Set.of("firing", "resolved", "acknowledged", "silenced", "unsilenced");

    /** Requires every part; text parts may be empty but not null. */
    public AlertHistoryEntry {
        for (String s : new String[] {state, id, supernode, kind, severity, category, rule, rootCause, device,
                summary, reason, by, comment}) {
            Objects.requireNonNull(s, "alert history text parts must not be null");
        }
        Objects.requireNonNull(eta, "eta");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("alert history state must be one of " + STATES + ", was " + state);
        }
    }

    /** The entry of an alert event. */
    public static AlertHistoryEntry of(AlertEvent e) {
        AlertEvent.RootCause rc = e.rootCause();
        String root = rc.device() + (rc.lane().isPresent() ? "#" + rc.lane().getAsInt() : "");
        return new AlertHistoryEntry(e.ts(), AlertEventJson.lower(e.state()), e.id(), nz(e.supernode()),
                AlertEventJson.lower(e.kind()), AlertEventJson.lower(e.severity()),
                AlertEventJson.lower(e.category()), e.rule(), root, e.device(), nz(e.summary()), rc.reason(),
                e.affected().size(), e.eta(), "", "");
    }

    /** The entry of an acknowledgement of alert {@code id}. */
    public static AlertHistoryEntry ack(long at, String supernode, String id, String device, String by) {
        return new AlertHistoryEntry(at, "acknowledged", id, supernode, "", "", "", "", device, device,
                "acknowledged by " + by, "", 0, OptionalLong.empty(), by, "");
    }

    /** The entry of a silence created ({@code silenced}) or expired ({@code unsilenced}). */
    public static AlertHistoryEntry silence(long at, boolean created, String supernode, String silenceId,
                                            String target, String by, String comment) {
        String summary = (created ? "silenced " : "silence ended on ") + target;
        return new AlertHistoryEntry(at, created ? "silenced" : "unsilenced", silenceId, supernode, "", "", "", "",
                target, "", summary, "", 0, OptionalLong.empty(), by, comment);
    }

    /** Whether the entry concerns {@code device}: its device, or its root cause (or silence target) on it. */
    public boolean concerns(String deviceId) {
        return device.equals(deviceId) || rootCause.equals(deviceId) || rootCause.startsWith(deviceId + "#");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
