package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.metric.Light;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;

import java.util.Arrays;

/**
 * Cross-checks that tell a sensor fault from a hardware one (domain F17): a reading the rest of the
 * same device contradicts is the sensor's fault, is kept away from the detectors (it would teach
 * them a false baseline) and is raised as a {@code sensor} alert instead.
 *
 * <p>The checks are physics, not thresholds tuned to a simulator:
 * <ul>
 *   <li>a lane reading no light (≤ {@value #DARK_RX_DBM} dBm, below any receiver's sensitivity)
 *       while the same module reports its link up;</li>
 *   <li>a heat source (GPU, HBM, switch, engine) reading more than {@value #BELOW_COOLANT_K} K below
 *       the coolant supply of its own loop: a chip cannot be colder than the water cooling it.</li>
 * </ul>
 */
final class Plausibility {
    /** No 100G-class receiver keeps a link up below this power [EST, sensitivities are −6 to −12 dBm]. */
    static final double DARK_RX_DBM = Light.DARK_DBM;
    /** Margin under the supply temperature, for sensor tolerance and supply ripple [EST]. */
    static final double BELOW_COOLANT_K = 5;

    private final SensorLayout layout;
    /** The supply-temperature sensor of each device's loop, or −1. */
    private final int[] supplySensor;

    Plausibility(SensorLayout layout) {
        this.layout = layout;
        Topology topo = layout.topology();
        supplySensor = new int[topo.deviceCount()];
        Arrays.fill(supplySensor, -1);
        for (Device d : topo.devices()) {
            var loop = topo.loopOf(d.index());
            if (loop.isPresent() && topo.device(loop.getAsInt()).kind() == DeviceKind.CDU) {
                supplySensor[d.index()] = layout.sensor(loop.getAsInt(), Metric.SUPPLY_C);
            }
        }
    }

    /** Whether readings of {@code metric} on a {@code kind} are cross-checked at all. */
    static boolean checks(DeviceKind kind, Metric metric) {
        return kind == DeviceKind.OE && metric == Metric.RX_DBM || isHeatSourceTemperature(kind, metric);
    }

    private static boolean isHeatSourceTemperature(DeviceKind kind, Metric metric) {
        return metric == Metric.HBM_TEMP_C || metric == Metric.TEMP_C
                && (kind == DeviceKind.GPU || kind == DeviceKind.SWITCH || kind == DeviceKind.OE);
    }

    /**
     * Why a reading cannot be right, or null when nothing contradicts it. {@code state} already holds
     * the reading's own frame, so the checks see the device's other readings of the same instant.
     */
    String contradiction(int sensor, int device, DeviceKind kind, Metric metric, double value, TwinState state) {
        if (kind == DeviceKind.OE && metric == Metric.RX_DBM && value <= DARK_RX_DBM) {
            int up = sensor + DeviceKind.OE.laneSlot(Metric.LINK_UP) - DeviceKind.OE.laneSlot(Metric.RX_DBM);
            if (state.value(up) == 1 && state.time(up) == state.time(sensor)) {
                return "reads " + fmt(value) + " dBm, no light, while the module reports the link up";
            }
        }
        if (isHeatSourceTemperature(kind, metric)) {
            int s = supplySensor[device];
            if (s >= 0) {
                double supply = state.value(s);
                if (!Double.isNaN(supply) && value < supply - BELOW_COOLANT_K) {
                    return "reads " + fmt(value) + " °C, colder than its coolant (" + fmt(supply) + " °C)";
                }
            }
        }
        return null;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
