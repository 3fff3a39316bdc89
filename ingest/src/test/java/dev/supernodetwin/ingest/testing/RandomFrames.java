package dev.supernodetwin.ingest.testing;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random but physical frames for round-trip tests: each sensor at most once, values within bounds. */
public final class RandomFrames {
    private final SensorLayout layout;
    private final Random random;

    public RandomFrames(SensorLayout layout, long seed) {
        this.layout = layout;
        this.random = new Random(seed);
    }

    /** Fills {@code frame} with a random subset of a random device's sensors. */
    public void fill(FrameBuffer frame, long ts) {
        int device = random.nextInt(layout.topology().deviceCount());
        frame.begin(device, ts);
        if (random.nextBoolean()) {
            frame.seq(random.nextInt(1_000_000));
        }
        int base = layout.base(device);
        List<Integer> sensors = new ArrayList<>();
        for (int s = base; s < base + layout.sensorsOf(device); s++) {
            if (random.nextInt(3) > 0) {
                sensors.add(s);
            }
        }
        Collections.shuffle(sensors, random);
        for (int s : sensors) {
            frame.add(s, value(layout.metricOf(s)));
        }
    }

    private double value(Metric m) {
        double min = Math.max(m.physicalMin(), -1e6);
        double max = Math.min(m.physicalMax(), 1e6);
        double v = min + random.nextDouble() * (max - min);
        if (m.type() != Metric.Type.GAUGE) {
            return Math.floor(v);
        }
        return switch (random.nextInt(4)) {
            case 0 -> Math.round(v * 10) / 10.0;
            case 1 -> Math.floor(v);
            case 2 -> m == Metric.PRE_FEC_BER ? random.nextDouble() * 1e-6 : v;
            default -> v;
        };
    }

    /** A copy of a frame's samples as "sensor=value" strings, sorted, for comparing frames. */
    public static List<String> samples(FrameBuffer f) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            out.add(f.sensor(i) + "=" + Double.doubleToLongBits(f.value(i)));
        }
        Collections.sort(out);
        out.add(0, f.device() + "@" + f.timestamp() + "/" + f.seq());
        return out;
    }
}
