package dev.supernodetwin.core.detect;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Device;

import java.util.Arrays;
import java.util.List;

/**
 * Bytes of detector hot state a rule set needs for a topology: each sensor gets one slot in each
 * detector of each rule that applies to it, and a detector's arrays are sized exactly to its slots,
 * so counting slots counts the arrays' bytes. Peer comparison keeps no per-sensor state.
 *
 * @param sensors       sensors in the layout
 * @param detectorBytes bytes of per-sensor detector state, all detectors together
 * @param maxSensorBytes most detector bytes any one sensor needs (the heaviest rule stack)
 * @param slots         slots per detector type: thresholds, ewma, cusum, counter_rate, holt, peer_mad
 */
public record DetectorFootprint(long sensors, long detectorBytes, int maxSensorBytes, List<Long> slots) {
    /** Types in the order of {@link #slots}. */
    public static final List<String> TYPES = List.of("thresholds", "ewma", "cusum", "counter_rate", "holt",
            "peer_mad");
    private static final int[] BYTES = {Thresholds.BYTES_PER_SLOT, EwmaZScore.BYTES_PER_SLOT,
            Cusum.BYTES_PER_SLOT, CounterRate.BYTES_PER_SLOT, HoltTrend.BYTES_PER_SLOT, 0};

    /** Counts the slots {@code rules} need on {@code layout}. */
    public static DetectorFootprint of(SensorLayout layout, RuleSet rules) {
        long[] slots = new long[TYPES.size()];
        int max = 0;
        var topology = layout.topology();
        for (int d = 0; d < topology.deviceCount(); d++) {
            Device device = topology.device(d);
            int lanes = device.laneCount();
            for (Metric m : device.kind().deviceMetrics()) {
                max = Math.max(max, count(rules.rulesFor(device.kind(), device.form(), m), 1, slots));
            }
            for (Metric m : device.kind().laneMetrics()) {
                if (lanes > 0) {
                    max = Math.max(max, count(rules.rulesFor(device.kind(), device.form(), m), lanes, slots));
                }
            }
        }
        long bytes = 0;
        for (int i = 0; i < slots.length; i++) {
            bytes += slots[i] * BYTES[i];
        }
        return new DetectorFootprint(layout.sensorCount(), bytes, max, Arrays.stream(slots).boxed().toList());
    }

    /** Adds the slots of one metric's rules; returns the bytes each of its sensors needs. */
    private static int count(List<Rule> rules, int sensors, long[] slots) {
        int perSensor = 0;
        for (Rule r : rules) {
            int type = TYPES.indexOf(r.detector().typeName());
            slots[type] += sensors;
            perSensor += BYTES[type];
        }
        return perSensor;
    }

    /** Detector bytes per sensor, averaged over every sensor of the layout. */
    public double bytesPerSensor() {
        return sensors == 0 ? 0 : (double) detectorBytes / sensors;
    }
}
