package dev.supernodetwin.bench;

import dev.supernodetwin.core.detect.DetectorFootprint;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;

/**
 * Prints the detector hot state the default rules need per sensor on each preset, beside the twin
 * state's 16 B (last value and time), against the 64 B budget of performance.md §4.3.
 */
public final class DetectorMemory {
    private static final int TWIN_STATE_BYTES = Double.BYTES + Long.BYTES;

    private DetectorMemory() {
    }

    /** Entry point; optional arguments name presets (default: all). */
    public static void main(String[] args) {
        Iterable<String> presets = args.length > 0 ? java.util.List.of(args) : Presets.names();
        RuleSet rules = RuleSet.defaults();
        for (String preset : presets) {
            SensorLayout layout = new SensorLayout(Topology.of(Presets.expand(preset, "sn01")));
            DetectorFootprint f = DetectorFootprint.of(layout, rules);
            StringBuilder slots = new StringBuilder();
            for (int i = 0; i < DetectorFootprint.TYPES.size(); i++) {
                slots.append(' ').append(DetectorFootprint.TYPES.get(i)).append('=').append(f.slots().get(i));
            }
            System.out.printf("%s: %,d sensors, detector state %,d B = %.1f B/sensor, with twin state %.1f B/sensor"
                            + " (budget 64); heaviest sensor %d + %d B;%s%n", preset, f.sensors(), f.detectorBytes(),
                    f.bytesPerSensor(), f.bytesPerSensor() + TWIN_STATE_BYTES, f.maxSensorBytes(), TWIN_STATE_BYTES,
                    slots);
        }
    }
}
