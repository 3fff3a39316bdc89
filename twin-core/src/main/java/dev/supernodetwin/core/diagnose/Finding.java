package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.alert.AlertEvent.Category;

import java.util.TreeSet;

/**
 * One root cause found at one evaluation, with everything it explains: the unit {@link AlertTracker}
 * turns into one alert.
 */
final class Finding {
    /** Stable identity: the pattern and the blamed component. */
    final String key;
    final int device;
    /** Lane number within {@link #device}, or −1 for the device as a whole. */
    final int lane;
    final String rootName;
    final Category category;
    /** What kind of root cause, e.g. {@code laser}, {@code cold_plate}; the alert's rule is category.pattern. */
    final String pattern;
    String reason;
    int severity;
    boolean anomaly;
    long eta = Long.MIN_VALUE;
    final TreeSet<String> affected = new TreeSet<>();
    /**
     * Blamed for want of evidence upstream (a lane, or an engine or port its lanes were grouped
     * into) rather than on the component's own readings: upstream evidence often arrives a reading
     * later (a CUSUM needs two), so such a finding waits one evaluation before it becomes an alert.
     */
    boolean tentative;

    Finding(String key, int device, int lane, String rootName, Category category, String pattern, String reason) {
        this.key = key;
        this.device = device;
        this.lane = lane;
        this.rootName = rootName;
        this.category = category;
        this.pattern = pattern;
        this.reason = reason;
    }

    /** Adds an anomaly symptom of {@code level} (a {@link SensorBank} level). */
    void symptom(String where, int level) {
        affected.add(where);
        anomaly = true;
        severity = Math.max(severity, level);
    }

    /** Adds a forecast failure at {@code when} (epoch ms). */
    void forecast(String where, long when) {
        affected.add(where);
        severity = Math.max(severity, SensorBank.WARNING);
        if (eta == Long.MIN_VALUE || when < eta) {
            eta = when;
        }
    }

    /** Takes in everything another finding explains (when a root cause turns out to explain it too). */
    void absorb(Finding other) {
        affected.addAll(other.affected);
        tentative &= other.tentative;
        anomaly |= other.anomaly;
        severity = Math.max(severity, other.severity);
        if (other.eta != Long.MIN_VALUE && (eta == Long.MIN_VALUE || other.eta < eta)) {
            eta = other.eta;
        }
    }
}
