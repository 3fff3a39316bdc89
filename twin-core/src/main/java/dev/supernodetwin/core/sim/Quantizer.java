package dev.supernodetwin.core.sim;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;

/**
 * Rounds readings to the resolution real sensors report, so recordings look like telemetry (and
 * compress like it) instead of carrying 17 significant digits of simulator noise. Resolutions follow
 * the devices' registers: CMIS temperature 1/256 °C, Vcc 0.1 mV, bias 2 µA, optical power 0.1 µW
 * (≈0.01 dB at lane powers) (domain reference §2.1); DCGM reports clocks in whole MHz. BER keeps
 * three significant digits, as VDM's F16 encoding does.
 */
final class Quantizer {
    /** Powers of ten that are exact doubles, so dividing by them rounds correctly. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Marks a metric rounded to significant digits rather than to a fixed step. */
    private static final int SIGNIFICANT = -1;

    private final byte[] decimals;

    Quantizer(SensorLayout layout) {
        decimals = new byte[layout.sensorCount()];
        for (int d = 0, n = layout.topology().deviceCount(); d < n; d++) {
            int from = layout.base(d);
            for (int s = from, to = from + layout.sensorsOf(d); s < to; s++) {
                decimals[s] = (byte) decimalsOf(layout.metricOf(s));
            }
        }
    }

    private static int decimalsOf(Metric m) {
        return switch (m) {
            case PRE_FEC_BER -> SIGNIFICANT;
            case VCC_V -> 3;
            case TEMP_C, HBM_TEMP_C, TX_DBM, RX_DBM, LASER_IN_DBM, OUT_DBM, IN_DBM, BIAS_MA, MRM_HEATER_MW,
                 SUPPLY_C, RETURN_C, INLET_C, OUTLET_C, DEW_POINT_C, LASER_TEMP_C, ESNR_DB -> 2;
            case POWER_W, FLOW_LPM, DP_KPA, LOOP_KPA, UTIL_PCT, TEC_CURRENT_PCT, LASER_AGE_PCT, MRM_DETUNE_PM -> 1;
            default -> 0;
        };
    }

    /** {@code value} of sensor {@code s} at the sensor's resolution. */
    double round(int s, double value) {
        int places = decimals[s];
        if (places == SIGNIFICANT) {
            return significant(value);
        }
        double scale = POW10[places];
        return Math.rint(value * scale) / scale;
    }

    private static double significant(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        int exponent = (int) StrictMath.floor(StrictMath.log10(Math.abs(value)));
        int shift = 2 - exponent;
        if (shift >= 0 && shift < POW10.length) {
            double scale = POW10[shift];
            return Math.rint(value * scale) / scale;
        }
        if (shift < 0 && -shift < POW10.length) {
            double scale = POW10[-shift];
            return Math.rint(value / scale) * scale;
        }
        return value;
    }
}
