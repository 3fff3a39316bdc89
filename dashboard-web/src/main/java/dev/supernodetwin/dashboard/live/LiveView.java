package dev.supernodetwin.dashboard.live;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * What a live page shows — GPUs, switches, engines (with their worst lane), lasers and cooling — as the
 * value arrays of the live stream, aligned with the sections of {@code /api/topology}
 * ({@code topo.devicesOfKind(kind)} order; lasers are the lanes of the external laser sources). Every
 * sensor index is resolved here once, so a tick only reads the snapshot. A value that is not fresh is
 * NaN (sent as {@code null}), so a sensor that stopped reporting shows as stale instead of frozen.
 */
public final class LiveView {
    private final List<LiveColumn> columns;

    /** Prepares the view for one supernode. */
    public LiveView(SensorLayout layout) {
        Topology topo = layout.topology();
        List<LiveColumn> c = new ArrayList<>();
        Sections s = new Sections(layout, topo);
        s.devices(c, DeviceKind.GPU, "gpu", Metric.TEMP_C, Precision.TENTH);
        s.devices(c, DeviceKind.GPU, "gpu", Metric.HBM_TEMP_C, Precision.TENTH);
        s.devices(c, DeviceKind.GPU, "gpu", Metric.POWER_W, Precision.TENTH);
        s.devices(c, DeviceKind.GPU, "gpu", Metric.SM_CLOCK_MHZ, Precision.WHOLE);
        s.devices(c, DeviceKind.GPU, "gpu", Metric.THROTTLE_MASK, Precision.WHOLE);
        s.devices(c, DeviceKind.SWITCH, "switch", Metric.TEMP_C, Precision.TENTH);
        s.devices(c, DeviceKind.SWITCH, "switch", Metric.POWER_W, Precision.TENTH);
        s.devices(c, DeviceKind.OE, "oe", Metric.TEMP_C, Precision.TENTH);
        int[] engines = topo.devicesOfKind(DeviceKind.OE).toArray();
        c.add(LiveColumn.lanes("oe.rx_dbm_min", Precision.HUNDREDTH, s.engineLanes(Metric.RX_DBM), engines,
                LiveColumn.Fold.MIN));
        c.add(LiveColumn.lanes("oe.pre_fec_ber_max", Precision.SIG3, s.engineLanes(Metric.PRE_FEC_BER), engines,
                LiveColumn.Fold.MAX));
        c.add(LiveColumn.lanes("oe.mrm_heater_mw_mean", Precision.TENTH, s.engineLanes(Metric.MRM_HEATER_MW), engines,
                LiveColumn.Fold.MEAN));
        c.add(LiveColumn.sensors("laser.out_dbm", Precision.HUNDREDTH, s.laserLanes(Metric.OUT_DBM), s.laserDevices()));
        c.add(LiveColumn.sensors("laser.bias_ma", Precision.TENTH, s.laserLanes(Metric.BIAS_MA), s.laserDevices()));
        for (Metric m : List.of(Metric.SUPPLY_C, Metric.RETURN_C, Metric.FLOW_LPM, Metric.DP_KPA, Metric.LOOP_KPA)) {
            s.devices(c, DeviceKind.CDU, "cdu", m, Precision.TENTH);
        }
        for (Metric m : List.of(Metric.INLET_C, Metric.OUTLET_C, Metric.FLOW_LPM)) {
            s.devices(c, DeviceKind.COLDPLATE, "coldplate", m, Precision.TENTH);
        }
        s.devices(c, DeviceKind.LEAK, "leak", Metric.STATE, Precision.WHOLE);
        this.columns = List.copyOf(c);
    }

    /** The columns, in the order of the stream's {@code values}. */
    public List<LiveColumn> columns() {
        return columns;
    }

    /** Fresh arrays to {@link #fill} into, one per column. */
    public double[][] newValues() {
        double[][] v = new double[columns.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[columns.get(i).size()];
        }
        return v;
    }

    /** Writes the rounded values of {@code s} into {@code out} (made by {@link #newValues()}). */
    public void fill(StateSnapshot s, double[][] out) {
        for (int i = 0; i < out.length; i++) {
            columns.get(i).fill(s, out[i]);
        }
    }

    /** Resolves sensor indexes per section. */
    private record Sections(SensorLayout layout, Topology topo) {
        void devices(List<LiveColumn> out, DeviceKind kind, String section, Metric m, Precision p) {
            IntSeq devices = topo.devicesOfKind(kind);
            int[] sensors = new int[devices.size()];
            for (int i = 0; i < sensors.length; i++) {
                sensors[i] = layout.sensor(devices.get(i), m);
            }
            out.add(LiveColumn.sensors(section + "." + m.wireName(), p, sensors, devices.toArray()));
        }

        int[][] engineLanes(Metric m) {
            IntSeq engines = topo.devicesOfKind(DeviceKind.OE);
            int[][] sensors = new int[engines.size()][];
            for (int i = 0; i < sensors.length; i++) {
                int d = engines.get(i);
                sensors[i] = new int[topo.device(d).laneCount()];
                for (int lane = 0; lane < sensors[i].length; lane++) {
                    sensors[i][lane] = layout.laneSensor(d, lane, m);
                }
            }
            return sensors;
        }

        /** The external laser source of each laser lane, in the order of {@link #laserLanes}. */
        int[] laserDevices() {
            IntSeq els = topo.devicesOfKind(DeviceKind.ELS);
            List<Integer> devices = new ArrayList<>();
            for (int i = 0; i < els.size(); i++) {
                for (int lane = 0, n = topo.device(els.get(i)).laneCount(); lane < n; lane++) {
                    devices.add(els.get(i));
                }
            }
            return devices.stream().mapToInt(Integer::intValue).toArray();
        }

        int[] laserLanes(Metric m) {
            IntSeq els = topo.devicesOfKind(DeviceKind.ELS);
            List<Integer> sensors = new ArrayList<>();
            for (int i = 0; i < els.size(); i++) {
                int d = els.get(i);
                for (int lane = 0, n = topo.device(d).laneCount(); lane < n; lane++) {
                    sensors.add(layout.laneSensor(d, lane, m));
                }
            }
            return sensors.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
