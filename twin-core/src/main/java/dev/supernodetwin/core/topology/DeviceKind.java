package dev.supernodetwin.core.topology;

import dev.supernodetwin.core.metric.Metric;

import java.util.List;
import java.util.Optional;

import static dev.supernodetwin.core.metric.Metric.*;

/**
 * The kinds of device a supernode is made of, with the metrics each reports (wire format §2).
 *
 * <p>A kind's lanes are what its {@code DEVICE#INDEX} references name: the optical channels of an
 * engine, the lasers of an external laser source, the ports of an optical circuit switch.
 */
public enum DeviceKind {
    GPU("gpu", List.of(TEMP_C, HBM_TEMP_C, POWER_W, SM_CLOCK_MHZ, UTIL_PCT, THROTTLE_MASK, XID, ECC_DBE_TOTAL,
            REMAP_PENDING, REMAP_UNCORRECTABLE_TOTAL, NVLINK_CRC_TOTAL, NVLINK_REPLAY_TOTAL,
            NVLINK_RECOVERY_TOTAL, PCIE_REPLAY_TOTAL), List.of()),
    SWITCH("switch", List.of(TEMP_C, POWER_W), List.of()),
    OE("oe", List.of(TEMP_C, VCC_V, POWER_W),
            List.of(TX_DBM, RX_DBM, BIAS_MA, LASER_IN_DBM, PRE_FEC_BER, ESNR_DB, FERC_TOTAL, MRM_HEATER_MW,
                    MRM_DETUNE_PM, LOS, LINK_UP)),
    ELS("els", List.of(TEMP_C), List.of(OUT_DBM, BIAS_MA, LASER_TEMP_C, TEC_CURRENT_PCT, LASER_AGE_PCT)),
    OCS("ocs", List.of(TEMP_C), List.of(IN_DBM, OUT_DBM, SWITCHING)),
    CDU("cdu", List.of(SUPPLY_C, RETURN_C, FLOW_LPM, DP_KPA, LOOP_KPA, PUMP_RPM, DEW_POINT_C), List.of()),
    COLDPLATE("coldplate", List.of(INLET_C, OUTLET_C, FLOW_LPM), List.of()),
    LEAK("leak", List.of(STATE), List.of());

    private final String wireName;
    private final List<Metric> deviceMetrics;
    private final List<Metric> laneMetrics;
    private final int[] deviceSlot;
    private final int[] laneSlot;

    DeviceKind(String wireName, List<Metric> deviceMetrics, List<Metric> laneMetrics) {
        this.wireName = wireName;
        this.deviceMetrics = deviceMetrics;
        this.laneMetrics = laneMetrics;
        this.deviceSlot = slots(deviceMetrics);
        this.laneSlot = slots(laneMetrics);
    }

    private static int[] slots(List<Metric> metrics) {
        int[] slots = new int[Metric.COUNT];
        java.util.Arrays.fill(slots, -1);
        for (int i = 0; i < metrics.size(); i++) {
            slots[metrics.get(i).ordinal()] = i;
        }
        return slots;
    }

    /** The name used in topology documents, e.g. {@code "coldplate"}. */
    public String wireName() {
        return wireName;
    }

    /** Device-level metrics this kind reports, in slot order. */
    public List<Metric> deviceMetrics() {
        return deviceMetrics;
    }

    /** Per-lane metrics this kind reports, in slot order; empty for kinds without lanes. */
    public List<Metric> laneMetrics() {
        return laneMetrics;
    }

    /** Position of {@code metric} among this kind's device metrics, or -1 if the kind does not report it. */
    public int deviceSlot(Metric metric) {
        return deviceSlot[metric.ordinal()];
    }

    /** Position of {@code metric} among this kind's lane metrics, or -1 if the kind does not report it. */
    public int laneSlot(Metric metric) {
        return laneSlot[metric.ordinal()];
    }

    /** Whether devices of this kind have lanes (engines, laser sources, circuit switches). */
    public boolean hasLanes() {
        return !laneMetrics.isEmpty();
    }

    /** Looks a kind up by its wire name. */
    public static Optional<DeviceKind> fromWireName(String name) {
        for (DeviceKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
