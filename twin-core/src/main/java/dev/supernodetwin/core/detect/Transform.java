package dev.supernodetwin.core.detect;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;

/**
 * How a rule turns a sensor's reading into the value its detector sees. Rules on the sheet are not
 * all on raw readings: BER is judged in decades, flow against the design flow, rack ΔT and dew-point
 * margin against the supply temperature.
 */
public enum Transform {
    /** The reading as it is. */
    RAW,
    /** log₁₀ of the reading (pre-FEC BER, domain §6.2: "work in log₁₀"). */
    LOG10,
    /** The reading as a fraction of the CDU's design flow ({@code designFlowLpm}), C-3. */
    FRACTION_OF_DESIGN_FLOW,
    /** The reading minus the same CDU's {@code supply_c}: rack ΔT on {@code return_c} (C-2). */
    MINUS_SUPPLY,
    /**
     * The reading minus the same OCS port's {@code in_dbm}: the port's gain, i.e. minus its insertion
     * loss, on {@code out_dbm}. Loss measured across the port does not move when the light
     * arriving at it changes, so it blames the cross-connect and nothing upstream.
     */
    MINUS_PORT_INPUT;

    /** The floor under a reading taken to log₁₀: a BER of exactly 0 becomes −20 decades, not −∞. */
    public static final double LOG10_FLOOR = 1e-20;

    /**
     * The detector input for {@code reading}. {@code reference} is the CDU's design flow for
     * {@link #FRACTION_OF_DESIGN_FLOW}, its current {@code supply_c} for {@link #MINUS_SUPPLY}, and
     * the port's {@code in_dbm} for {@link #MINUS_PORT_INPUT}, and ignored otherwise. A NaN reading or reference gives NaN, which detectors skip.
     */
    public double apply(double reading, double reference) {
        return switch (this) {
            case RAW -> reading;
            // An unmeasurably small BER must stay finite: −∞ would poison an EWMA mean for good.
            case LOG10 -> Double.isNaN(reading) ? reading : Math.log10(Math.max(reading, LOG10_FLOOR));
            case FRACTION_OF_DESIGN_FLOW -> reference > 0 ? reading / reference : Double.NaN;
            case MINUS_SUPPLY, MINUS_PORT_INPUT -> reading - reference;
        };
    }

    /** Why this transform cannot apply to {@code metric} of {@code kind}, or empty when it can. */
    public String misuse(DeviceKind kind, Metric metric) {
        return switch (this) {
            case RAW -> "";
            case LOG10 -> metric.physicalMin() >= 0 ? "" : "log10 needs a metric that cannot be negative";
            case FRACTION_OF_DESIGN_FLOW -> kind == DeviceKind.CDU && metric == Metric.FLOW_LPM ? ""
                    : "fraction_of_design_flow applies to cdu flow_lpm only";
            case MINUS_SUPPLY -> kind == DeviceKind.CDU && metric != Metric.SUPPLY_C
                    && metric.unit() == Metric.SUPPLY_C.unit() ? ""
                    : "minus_supply applies to cdu temperatures other than supply_c";
            case MINUS_PORT_INPUT -> kind == DeviceKind.OCS && metric == Metric.OUT_DBM ? ""
                    : "minus_port_input applies to ocs out_dbm only";
        };
    }
}
