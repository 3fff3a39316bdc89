package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.detect.Cusum;
import dev.supernodetwin.core.detect.CusumSpec;

/**
 * Laser wear-out (domain F2, §3.2): under automatic power control a laser holds its output by
 * drawing more current as it ages, until the current has risen by the end-of-life margin
 * (+20 % in industry practice) and the output starts to fall.
 *
 * <p>Per laser: the first readings learn its beginning-of-life bias and temperature; each reading is
 * then temperature-compensated (bias rises with laser temperature too, and that is not ageing:
 * the Intel residual method of §3.2) and taken relative to the learned bias. A CUSUM on that relative
 * bias finds when the rise started; from there an ordinary least-squares line through the readings
 * since that change point gives the rate, its standard error, and the time the line crosses the
 * end-of-life margin. Fitting from the change point, not over a fixed window, keeps the months of flat
 * bias before the rise from dragging the rate down.
 */
final class LaserAgeing {
    private static final int LEARN = 20;
    private static final CusumSpec STEP = new CusumSpec(0.5, 5, 20, 1e-4);
    private static final double HOUR = 3_600_000.0;

    private final double eolRise;
    private final double tempCoefficient;
    private final double minTStat;
    private final double[] bias0;
    private final double[] temp0;
    private final short[] learned;
    private final Cusum step;
    private final long[] since;
    private final double[] n;
    private final double[] st;
    private final double[] sx;
    private final double[] stt;
    private final double[] stx;
    private final double[] sxx;
    private final double[] last;

    /**
     * @param lasers          number of lasers
     * @param eolRise         relative bias rise at end of life (0.2 = +20 %)
     * @param tempCoefficient relative bias change per kelvin of laser temperature
     * @param minTStat        rate over its standard error needed to believe a trend
     */
    LaserAgeing(int lasers, double eolRise, double tempCoefficient, double minTStat) {
        this.eolRise = eolRise;
        this.tempCoefficient = tempCoefficient;
        this.minTStat = minTStat;
        bias0 = new double[lasers];
        temp0 = new double[lasers];
        learned = new short[lasers];
        step = new Cusum(STEP, lasers);
        since = new long[lasers];
        n = new double[lasers];
        st = new double[lasers];
        sx = new double[lasers];
        stt = new double[lasers];
        stx = new double[lasers];
        sxx = new double[lasers];
        last = new double[lasers];
    }

    /** One reading of laser {@code i}: bias (mA) and laser temperature (°C, NaN if not reported). */
    void update(int i, long t, double bias, double temp) {
        if (Double.isNaN(bias) || bias <= 0) {
            return;
        }
        if (learned[i] < LEARN) {
            int k = learned[i];
            bias0[i] += (bias - bias0[i]) / (k + 1);
            temp0[i] = Double.isNaN(temp) ? Double.NaN : temp0[i] + (temp - temp0[i]) / (k + 1);
            learned[i]++;
            return;
        }
        double compensated = Double.isNaN(temp) || Double.isNaN(temp0[i]) ? bias
                : bias / (1 + tempCoefficient * (temp - temp0[i]));
        double x = compensated / bias0[i] - 1;
        last[i] = x;
        int dir = step.update(i, x);
        if (dir <= 0) {
            n[i] = 0;
            return;
        }
        if (n[i] == 0) {
            since[i] = t;
            st[i] = sx[i] = stt[i] = stx[i] = sxx[i] = 0;
        }
        double h = (t - since[i]) / HOUR;
        n[i]++;
        st[i] += h;
        sx[i] += x;
        stt[i] += h * h;
        stx[i] += h * x;
        sxx[i] += x * x;
    }

    /**
     * When laser {@code i} is expected to reach end of life (epoch ms), or {@link Long#MIN_VALUE} when
     * no rising trend is established.
     */
    long endOfLife(int i) {
        double k = n[i];
        if (k < 10) {
            return Long.MIN_VALUE;
        }
        double tBar = st[i] / k;
        double xBar = sx[i] / k;
        double vtt = stt[i] - k * tBar * tBar;
        if (vtt <= 0) {
            return Long.MIN_VALUE;
        }
        double slope = (stx[i] - k * tBar * xBar) / vtt;
        double intercept = xBar - slope * tBar;
        double rss = Math.max(0, sxx[i] - k * xBar * xBar - slope * slope * vtt);
        double se = Math.sqrt(rss / (k - 2) / vtt);
        if (slope <= 0 || slope < minTStat * se) {
            return Long.MIN_VALUE;
        }
        double hours = (eolRise - intercept) / slope;
        return since[i] + Math.round(hours * HOUR);
    }

    /** The laser's compensated bias rise so far, relative to its beginning of life. */
    double rise(int i) {
        return learned[i] < LEARN ? 0 : last[i];
    }

    /** Whether the laser has used up its end-of-life margin. */
    boolean wornOut(int i) {
        return learned[i] >= LEARN && last[i] >= eolRise;
    }

    /** Bytes of state, for memory accounting. */
    long stateBytes() {
        return bias0.length * (8L * 10 + 2) + step.stateBytes();
    }
}
