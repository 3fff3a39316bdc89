package dev.supernodetwin.dashboard.live;

/**
 * How precisely a live value is shown. Values are rounded to it before they are compared with the
 * previous tick, so noise below what a page displays never makes a delta, and written without
 * {@link Double#toString} so the bytes are short and the same value always gives the same text.
 */
public enum Precision {
    /** Whole numbers: clocks, flags, states. */
    WHOLE(0),
    /** One decimal: temperatures, powers in watts, flows, pressures. */
    TENTH(1),
    /** Two decimals: optical powers in dBm. */
    HUNDREDTH(2),
    /** Three significant digits: bit error ratios. */
    SIG3(-1);

    private static final long[] POW10 = {1, 10, 100};

    private final int decimals;

    Precision(int decimals) {
        this.decimals = decimals;
    }

    /** {@code v} rounded to this precision; NaN and infinities stay NaN; never {@code -0.0}. */
    public double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.NaN;
        }
        if (this == SIG3) {
            if (v == 0) {
                return 0.0;
            }
            int exp = exponent(v);
            long m = mantissa(v, exp);
            if (m >= 1000) {
                m = 100;
                exp++;
            }
            return Math.copySign(m * Math.pow(10, exp - 2), v);
        }
        long scale = POW10[decimals];
        return Math.round(v * scale) / (double) scale + 0.0;
    }

    /** Appends a value produced by {@link #round} as JSON: {@code null} for NaN. */
    public void write(StringBuilder out, double rounded) {
        if (Double.isNaN(rounded)) {
            out.append("null");
        } else if (this == SIG3) {
            writeSignificant(out, rounded);
        } else {
            writeDecimal(out, rounded);
        }
    }

    private void writeDecimal(StringBuilder out, double rounded) {
        long scale = POW10[decimals];
        long scaled = Math.round(rounded * scale);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / scale);
        long frac = scaled % scale;
        if (frac == 0) {
            return;
        }
        out.append('.');
        if (decimals == 2 && frac < 10) {
            out.append('0').append(frac);
        } else {
            out.append(decimals == 2 && frac % 10 == 0 ? frac / 10 : frac);
        }
    }

    private static void writeSignificant(StringBuilder out, double rounded) {
        if (rounded == 0) {
            out.append('0');
            return;
        }
        int exp = exponent(rounded);
        long m = mantissa(rounded, exp);
        if (m >= 1000) {
            m = 100;
            exp++;
        }
        if (rounded < 0) {
            out.append('-');
        }
        out.append(m / 100);
        long rest = m % 100;
        if (rest != 0) {
            out.append('.').append(rest / 10);
            if (rest % 10 != 0) {
                out.append(rest % 10);
            }
        }
        if (exp != 0) {
            out.append('e').append(exp);
        }
    }

    private static int exponent(double v) {
        return (int) Math.floor(Math.log10(Math.abs(v)));
    }

    /** The three leading digits of {@code |v|}, 100..1000 (1000 when rounding carries over). */
    private static long mantissa(double v, int exp) {
        long m = Math.round(Math.abs(v) / Math.pow(10, exp - 2));
        return m < 100 ? m * 10 : m;
    }
}
