package dev.supernodetwin.core.metric;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metric vocabulary of wire format §2. A metric name is resolved to this enum once, at the edge;
 * the core works with ordinals and slots only.
 *
 * <p>Each metric carries physical bounds: a reported value outside them cannot be a measurement
 * (the sensor is at fault, not the hardware). They are deliberately wide; detection decides what is
 * abnormal, these only say what is impossible.
 */
public enum Metric {
    TEMP_C("temp_c", Unit.CELSIUS, Type.GAUGE, -60, 250),
    HBM_TEMP_C("hbm_temp_c", Unit.CELSIUS, Type.GAUGE, -60, 250),
    POWER_W("power_w", Unit.WATT, Type.GAUGE, 0, 20_000),
    SM_CLOCK_MHZ("sm_clock_mhz", Unit.MEGAHERTZ, Type.GAUGE, 0, 10_000),
    UTIL_PCT("util_pct", Unit.PERCENT, Type.GAUGE, 0, 100),
    THROTTLE_MASK("throttle_mask", Unit.FLAG, Type.STATE, 0, 0xFFFF_FFFFL),
    XID("xid", Unit.CODE, Type.STATE, 0, 100_000),
    ECC_DBE_TOTAL("ecc_dbe_total", Unit.COUNT, Type.COUNTER, 0, 9e15),
    REMAP_PENDING("remap_pending", Unit.FLAG, Type.STATE, 0, 1),
    REMAP_UNCORRECTABLE_TOTAL("remap_uncorrectable_total", Unit.COUNT, Type.COUNTER, 0, 9e15),
    NVLINK_CRC_TOTAL("nvlink_crc_total", Unit.COUNT, Type.COUNTER, 0, 9e15),
    NVLINK_REPLAY_TOTAL("nvlink_replay_total", Unit.COUNT, Type.COUNTER, 0, 9e15),
    NVLINK_RECOVERY_TOTAL("nvlink_recovery_total", Unit.COUNT, Type.COUNTER, 0, 9e15),
    PCIE_REPLAY_TOTAL("pcie_replay_total", Unit.COUNT, Type.COUNTER, 0, 9e15),
    VCC_V("vcc_v", Unit.VOLT, Type.GAUGE, 0, 60),
    TX_DBM("tx_dbm", Unit.DBM, Type.GAUGE, -80, 40),
    RX_DBM("rx_dbm", Unit.DBM, Type.GAUGE, -80, 40),
    BIAS_MA("bias_ma", Unit.MILLIAMP, Type.GAUGE, 0, 2_000),
    LASER_IN_DBM("laser_in_dbm", Unit.DBM, Type.GAUGE, -80, 40),
    PRE_FEC_BER("pre_fec_ber", Unit.RATIO, Type.GAUGE, 0, 1),
    ESNR_DB("esnr_db", Unit.DB, Type.GAUGE, -50, 100),
    FERC_TOTAL("ferc_total", Unit.COUNT, Type.COUNTER, 0, 9e15),
    MRM_HEATER_MW("mrm_heater_mw", Unit.MILLIWATT, Type.GAUGE, 0, 1_000),
    MRM_DETUNE_PM("mrm_detune_pm", Unit.PICOMETRE, Type.GAUGE, -100_000, 100_000),
    LOS("los", Unit.FLAG, Type.STATE, 0, 1),
    LINK_UP("link_up", Unit.FLAG, Type.STATE, 0, 1),
    OUT_DBM("out_dbm", Unit.DBM, Type.GAUGE, -80, 40),
    LASER_TEMP_C("laser_temp_c", Unit.CELSIUS, Type.GAUGE, -60, 250),
    TEC_CURRENT_PCT("tec_current_pct", Unit.PERCENT, Type.GAUGE, -100, 100),
    LASER_AGE_PCT("laser_age_pct", Unit.PERCENT, Type.GAUGE, 0, 1_000),
    IN_DBM("in_dbm", Unit.DBM, Type.GAUGE, -80, 40),
    SWITCHING("switching", Unit.FLAG, Type.STATE, 0, 1),
    SUPPLY_C("supply_c", Unit.CELSIUS, Type.GAUGE, -60, 250),
    RETURN_C("return_c", Unit.CELSIUS, Type.GAUGE, -60, 250),
    FLOW_LPM("flow_lpm", Unit.LITRE_PER_MIN, Type.GAUGE, 0, 100_000),
    DP_KPA("dp_kpa", Unit.KILOPASCAL, Type.GAUGE, -1_000, 10_000),
    LOOP_KPA("loop_kpa", Unit.KILOPASCAL, Type.GAUGE, -1_000, 10_000),
    PUMP_RPM("pump_rpm", Unit.RPM, Type.GAUGE, 0, 100_000),
    DEW_POINT_C("dew_point_c", Unit.CELSIUS, Type.GAUGE, -100, 100),
    INLET_C("inlet_c", Unit.CELSIUS, Type.GAUGE, -60, 250),
    OUTLET_C("outlet_c", Unit.CELSIUS, Type.GAUGE, -60, 250),
    STATE("state", Unit.CODE, Type.STATE, 0, 3);

    /** How a metric's values behave over time. */
    public enum Type {
        /** A level that goes up and down. */
        GAUGE,
        /** A monotonically increasing count ({@code _total}); its rate is what matters. */
        COUNTER,
        /** A discrete code or flag. */
        STATE
    }

    /** Number of metrics in the vocabulary, for sizing lookup tables. */
    public static final int COUNT = values().length;

    private static final Map<String, Metric> BY_NAME = new HashMap<>();

    static {
        for (Metric m : values()) {
            BY_NAME.put(m.wireName, m);
        }
    }

    private final String wireName;
    private final Unit unit;
    private final Type type;
    private final double physicalMin;
    private final double physicalMax;

    Metric(String wireName, Unit unit, Type type, double physicalMin, double physicalMax) {
        this.wireName = wireName;
        this.unit = unit;
        this.type = type;
        this.physicalMin = physicalMin;
        this.physicalMax = physicalMax;
    }

    /** The name used on the wire, e.g. {@code "rx_dbm"}. */
    public String wireName() {
        return wireName;
    }

    /** The metric's unit. */
    public Unit unit() {
        return unit;
    }

    /** Whether the metric is a gauge, a counter or a state code. */
    public Type type() {
        return type;
    }

    /** Whether {@code value} could be a real reading of this metric (finite and within physical bounds). */
    public boolean isPhysical(double value) {
        return value >= physicalMin && value <= physicalMax;
    }

    /** Lower physical bound. */
    public double physicalMin() {
        return physicalMin;
    }

    /** Upper physical bound. */
    public double physicalMax() {
        return physicalMax;
    }

    /** Looks a metric up by its wire name. */
    public static Optional<Metric> fromWireName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
