package dev.supernodetwin.dashboard.live;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.Freshness;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Topology;

import java.nio.charset.StandardCharsets;

/**
 * Renders the overview a live page shows — GPUs, engines (with their worst lane), lasers and cooling —
 * from a snapshot, as compact JSON of arrays aligned with {@link TopologyView}. Rendered once per tick
 * and shared by every client. A value that is not fresh is sent as {@code null}, so a sensor that stopped
 * reporting shows as stale instead of frozen at its last value.
 */
public final class LiveView {
    private final SensorLayout layout;
    private final Topology topo;
    private final IntSeq gpus;
    private final IntSeq engines;
    private final IntSeq els;
    private final IntSeq cdus;
    private final IntSeq plates;
    private final IntSeq leaks;

    /** Prepares the view for one supernode. */
    public LiveView(SensorLayout layout) {
        this.layout = layout;
        this.topo = layout.topology();
        this.gpus = topo.devicesOfKind(DeviceKind.GPU);
        this.engines = topo.devicesOfKind(DeviceKind.OE);
        this.els = topo.devicesOfKind(DeviceKind.ELS);
        this.cdus = topo.devicesOfKind(DeviceKind.CDU);
        this.plates = topo.devicesOfKind(DeviceKind.COLDPLATE);
        this.leaks = topo.devicesOfKind(DeviceKind.LEAK);
    }

    /** The snapshot as a JSON document (UTF-8). */
    public byte[] render(StateSnapshot s) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("{\"type\":\"live\",\"at\":").append(s.takenAt())
                .append(",\"frames\":").append(s.framesApplied())
                .append(",\"samples\":").append(s.samplesApplied());
        deviceMetrics(out, "gpu", s, gpus, Metric.TEMP_C, Metric.HBM_TEMP_C, Metric.POWER_W, Metric.SM_CLOCK_MHZ,
                Metric.THROTTLE_MASK);
        deviceMetrics(out, "oe", s, engines, Metric.TEMP_C);
        engineLanes(out, s);
        laserMetrics(out, s);
        deviceMetrics(out, "cdu", s, cdus, Metric.SUPPLY_C, Metric.RETURN_C, Metric.FLOW_LPM, Metric.DP_KPA,
                Metric.LOOP_KPA);
        deviceMetrics(out, "coldplate", s, plates, Metric.INLET_C, Metric.OUTLET_C, Metric.FLOW_LPM);
        deviceMetrics(out, "leak", s, leaks, Metric.STATE);
        out.append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void deviceMetrics(StringBuilder out, String section, StateSnapshot s, IntSeq devices, Metric... metrics) {
        for (Metric m : metrics) {
            out.append(",\"").append(section).append('.').append(m.wireName()).append("\":[");
            for (int i = 0; i < devices.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                int sensor = layout.sensor(devices.get(i), m);
                number(out, sensor < 0 ? Double.NaN : s.freshValue(sensor));
            }
            out.append(']');
        }
    }

    /** Per engine: its worst (lowest) receive power, worst (highest) pre-FEC BER and mean heater. */
    private void engineLanes(StringBuilder out, StateSnapshot s) {
        StringBuilder rx = new StringBuilder(",\"oe.rx_dbm_min\":[");
        StringBuilder ber = new StringBuilder(",\"oe.pre_fec_ber_max\":[");
        StringBuilder heater = new StringBuilder(",\"oe.mrm_heater_mw_mean\":[");
        for (int i = 0; i < engines.size(); i++) {
            int d = engines.get(i);
            double minRx = Double.NaN;
            double maxBer = Double.NaN;
            double heaterSum = 0;
            int heaterCount = 0;
            for (int lane = 0, n = topo.device(d).laneCount(); lane < n; lane++) {
                double r = fresh(s, layout.laneSensor(d, lane, Metric.RX_DBM));
                double b = fresh(s, layout.laneSensor(d, lane, Metric.PRE_FEC_BER));
                double h = fresh(s, layout.laneSensor(d, lane, Metric.MRM_HEATER_MW));
                minRx = Double.isNaN(r) ? minRx : Double.isNaN(minRx) ? r : Math.min(minRx, r);
                maxBer = Double.isNaN(b) ? maxBer : Double.isNaN(maxBer) ? b : Math.max(maxBer, b);
                if (!Double.isNaN(h)) {
                    heaterSum += h;
                    heaterCount++;
                }
            }
            String sep = i > 0 ? "," : "";
            number(rx.append(sep), minRx);
            number(ber.append(sep), maxBer);
            number(heater.append(sep), heaterCount == 0 ? Double.NaN : heaterSum / heaterCount);
        }
        out.append(rx).append(']').append(ber).append(']').append(heater).append(']');
    }

    private void laserMetrics(StringBuilder out, StateSnapshot s) {
        StringBuilder power = new StringBuilder(",\"laser.out_dbm\":[");
        StringBuilder bias = new StringBuilder(",\"laser.bias_ma\":[");
        boolean first = true;
        for (int i = 0; i < els.size(); i++) {
            int d = els.get(i);
            for (int lane = 0, n = topo.device(d).laneCount(); lane < n; lane++) {
                String sep = first ? "" : ",";
                first = false;
                number(power.append(sep), fresh(s, layout.laneSensor(d, lane, Metric.OUT_DBM)));
                number(bias.append(sep), fresh(s, layout.laneSensor(d, lane, Metric.BIAS_MA)));
            }
        }
        out.append(power).append(']').append(bias).append(']');
    }

    private static double fresh(StateSnapshot s, int sensor) {
        return sensor < 0 || s.freshness(sensor) != Freshness.FRESH ? Double.NaN : s.value(sensor);
    }

    /** Writes a value compactly: null for missing, integers plainly, others with 4 significant digits. */
    private static void number(StringBuilder out, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else if (Math.abs(v) >= 0.01 && Math.abs(v) < 1e6) {
            out.append(Math.round(v * 100.0) / 100.0);
        } else {
            out.append(String.format(java.util.Locale.ROOT, "%.3e", v));
        }
    }
}
