package dev.supernodetwin.dashboard.live;

import dev.supernodetwin.core.state.StateSnapshot;

/**
 * One array of the live stream, e.g. {@code gpu.temp_c}: which sensors it reads and how values are
 * rounded. Sensor indexes are resolved once, so filling a column per tick is a loop over ints.
 */
public abstract class LiveColumn {
    private final String key;
    private final Precision precision;

    LiveColumn(String key, Precision precision) {
        this.key = key;
        this.precision = precision;
    }

    /** The key in the stream's {@code values} object. */
    public final String key() {
        return key;
    }

    /** How values are rounded and written. */
    public final Precision precision() {
        return precision;
    }

    /** Number of values, aligned with a section of {@code /api/topology}. */
    public abstract int size();

    /** Writes the rounded values of {@code s} into {@code out} (length {@link #size()}); NaN when not fresh. */
    public abstract void fill(StateSnapshot s, double[] out);

    /**
     * One sensor per value; a negative index (a device without the sensor) is always NaN.
     *
     * @param devices the device of each sensor, so freshness needs no lookup per tick
     */
    static LiveColumn sensors(String key, Precision precision, int[] sensors, int[] devices) {
        return new LiveColumn(key, precision) {
            @Override
            public int size() {
                return sensors.length;
            }

            @Override
            public void fill(StateSnapshot s, double[] out) {
                for (int i = 0; i < sensors.length; i++) {
                    out[i] = sensors[i] < 0 ? Double.NaN : precision.round(s.freshValue(sensors[i], devices[i]));
                }
            }
        };
    }

    /** How the lanes of one device fold into one value. */
    enum Fold { MIN, MAX, MEAN }

    /**
     * One value per device folded over its lanes' sensors; fresh lanes only, NaN when none is fresh.
     *
     * @param devices the device whose lanes each row of {@code laneSensors} holds
     */
    static LiveColumn lanes(String key, Precision precision, int[][] laneSensors, int[] devices, Fold fold) {
        return new LiveColumn(key, precision) {
            @Override
            public int size() {
                return laneSensors.length;
            }

            @Override
            public void fill(StateSnapshot s, double[] out) {
                for (int i = 0; i < laneSensors.length; i++) {
                    out[i] = precision.round(fold(s, laneSensors[i], devices[i], fold));
                }
            }
        };
    }

    private static double fold(StateSnapshot s, int[] sensors, int device, Fold fold) {
        double acc = Double.NaN;
        double sum = 0;
        int n = 0;
        for (int sensor : sensors) {
            double v = sensor < 0 ? Double.NaN : s.freshValue(sensor, device);
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            sum += v;
            acc = Double.isNaN(acc) ? v : fold == Fold.MIN ? Math.min(acc, v) : Math.max(acc, v);
        }
        if (n == 0) {
            return Double.NaN;
        }
        return fold == Fold.MEAN ? sum / n : acc;
    }
}
