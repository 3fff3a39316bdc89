package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;

/**
 * What each sensor needs on the hot path besides its detectors, worked out once per topology so that
 * a sample costs one byte load instead of a metric lookup: nothing (most sensors), a plausibility
 * cross-check ({@link Plausibility}), or the switching check of an OCS port.
 */
final class Roles {
    static final byte PLAIN = 0;
    /** Cross-checked by {@link Plausibility} (see {@link Plausibility#checks}). */
    static final byte CHECKED = 1;
    /** An OCS port's light readings, not judged while the port is switching. */
    static final byte PORT = 2;

    private Roles() {
    }

    static byte[] of(SensorLayout layout) {
        byte[] roles = new byte[layout.sensorCount()];
        for (Device dev : layout.topology().devices()) {
            int d = dev.index();
            DeviceKind kind = dev.kind();
            for (Metric m : kind.deviceMetrics()) {
                if (Plausibility.checks(kind, m)) {
                    roles[layout.sensor(d, m)] = CHECKED;
                }
            }
            for (int lane = 0; lane < dev.laneCount(); lane++) {
                for (Metric m : kind.laneMetrics()) {
                    if (Plausibility.checks(kind, m)) {
                        roles[layout.laneSensor(d, lane, m)] = CHECKED;
                    }
                }
                if (kind == DeviceKind.OCS) {
                    roles[layout.laneSensor(d, lane, Metric.IN_DBM)] = PORT;
                    roles[layout.laneSensor(d, lane, Metric.OUT_DBM)] = PORT;
                }
            }
        }
        return roles;
    }
}
