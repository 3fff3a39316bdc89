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
    MINUS_SUPPLY;

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
        };
    }
}
