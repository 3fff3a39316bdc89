package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.metric.Metric;

/**
 * Which way a signal moves when hardware gets worse. A CUSUM or EWMA flag the other way (a lane
 * receiving more light, a chip cooling down) is not a symptom.
 */
enum BadSide {
    /** Worse when lower: optical power, flow, eSNR, port gain (minus insertion loss), ring heater drive. */
    LOW,
    /** Worse when higher: temperatures, BER, bias, counters, pressures. */
    HIGH;

    static BadSide of(Metric metric) {
        return switch (metric) {
            case TX_DBM, RX_DBM, OUT_DBM, IN_DBM, LASER_IN_DBM, FLOW_LPM, ESNR_DB, LINK_UP, PUMP_RPM,
                    SM_CLOCK_MHZ, LOOP_KPA, MRM_HEATER_MW -> LOW;
            default -> HIGH;
        };
    }

    /** Whether {@code value} lies on the bad side of {@code reference}. */
    boolean worse(double value, double reference) {
        return this == LOW ? value < reference : value > reference;
    }
}
