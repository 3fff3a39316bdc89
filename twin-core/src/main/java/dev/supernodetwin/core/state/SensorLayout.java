package dev.supernodetwin.core.state;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;

import java.util.Arrays;

/**
 * Numbers every sensor of a topology densely: each device's metrics, then each of its lanes' metrics,
 * device after device. A sensor index is the key of every per-sensor array in the twin, so it is
 * computed by arithmetic, never looked up by name.
 */
public final class SensorLayout {
    private final Topology topology;
    private final int[] base;
    private final int sensorCount;

    /** Lays out every metric and lane metric of every device in {@code topology}. */
    public SensorLayout(Topology topology) {
        this.topology = topology;
        int n = topology.deviceCount();
        this.base = new int[n];
        int next = 0;
        for (int d = 0; d < n; d++) {
            base[d] = next;
            Device device = topology.device(d);
            next += device.kind().deviceMetrics().size() + device.laneCount() * device.kind().laneMetrics().size();
        }
        this.sensorCount = next;
    }

    /** The topology laid out. */
    public Topology topology() {
        return topology;
    }

    /** Total number of sensors. */
    public int sensorCount() {
        return sensorCount;
    }

    /** Index of the first sensor of {@code device}. */
    public int base(int device) {
        return base[device];
    }

    /** Number of sensors of {@code device}. */
    public int sensorsOf(int device) {
        return (device + 1 < base.length ? base[device + 1] : sensorCount) - base[device];
    }

    /** The sensor of a device-level metric, or -1 when the device's kind does not report it. */
    public int sensor(int device, Metric metric) {
        int slot = topology.device(device).kind().deviceSlot(metric);
        return slot < 0 ? -1 : base[device] + slot;
    }

    /** The sensor of a lane metric on lane {@code lane} (0-based within the device), or -1 if not reported. */
    public int laneSensor(int device, int lane, Metric metric) {
        DeviceKind kind = topology.device(device).kind();
        int slot = kind.laneSlot(metric);
        if (slot < 0 || lane < 0 || lane >= topology.device(device).laneCount()) {
            return -1;
        }
        return base[device] + kind.deviceMetrics().size() + lane * kind.laneMetrics().size() + slot;
    }

    /** The sensor of a lane metric on a global lane index, or -1 if not reported. */
    public int laneSensor(int globalLane, Metric metric) {
        return laneSensor(topology.laneDevice(globalLane), topology.laneNumber(globalLane), metric);
    }

    /** The device a sensor belongs to. */
    public int deviceOf(int sensor) {
        checkSensor(sensor);
        int i = Arrays.binarySearch(base, sensor);
        if (i >= 0) {
            // Devices without sensors share a base with the next one; the owner is the last of them.
            while (i + 1 < base.length && base[i + 1] == sensor) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /** The lane (0-based within its device) a sensor belongs to, or -1 for a device-level sensor. */
    public int laneOf(int sensor) {
        int device = deviceOf(sensor);
        DeviceKind kind = topology.device(device).kind();
        int offset = sensor - base[device] - kind.deviceMetrics().size();
        return offset < 0 ? -1 : offset / kind.laneMetrics().size();
    }

    /** The metric a sensor measures. */
    public Metric metricOf(int sensor) {
        int device = deviceOf(sensor);
        DeviceKind kind = topology.device(device).kind();
        int offset = sensor - base[device];
        int deviceMetrics = kind.deviceMetrics().size();
        return offset < deviceMetrics ? kind.deviceMetrics().get(offset)
                : kind.laneMetrics().get((offset - deviceMetrics) % kind.laneMetrics().size());
    }

    /** A readable name such as {@code sn01/t01/gpu0/oe0#3 rx_dbm}. */
    public String describe(int sensor) {
        int device = deviceOf(sensor);
        int lane = laneOf(sensor);
        String id = topology.device(device).id().value();
        return (lane < 0 ? id : id + "#" + lane) + " " + metricOf(sensor).wireName();
    }

    private void checkSensor(int sensor) {
        if (sensor < 0 || sensor >= sensorCount) {
            throw new IllegalArgumentException("sensor " + sensor + " out of range 0.." + (sensorCount - 1));
        }
    }
}
