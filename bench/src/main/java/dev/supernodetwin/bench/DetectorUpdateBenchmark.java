package dev.supernodetwin.bench;

import dev.supernodetwin.core.detect.Comparison;
import dev.supernodetwin.core.detect.Cusum;
import dev.supernodetwin.core.detect.CusumSpec;
import dev.supernodetwin.core.detect.EwmaSpec;
import dev.supernodetwin.core.detect.EwmaZScore;
import dev.supernodetwin.core.detect.HoltSpec;
import dev.supernodetwin.core.detect.HoltTrend;
import dev.supernodetwin.core.detect.Level;
import dev.supernodetwin.core.detect.ThresholdSpec;
import dev.supernodetwin.core.detect.Thresholds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Per-sample cost of the detector stack a gauge sensor gets: static thresholds, EWMA z-score and
 * CUSUM on every sensor, and Holt on one sensor in eight (the bias and temperature sensors that carry
 * a time-to-threshold rule). 2¹⁹ ≈ 524 k sensors, updated in sensor order as frames arrive, so the
 * state does not sit in cache. One operation is one sample.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectorUpdateBenchmark {
    static final int SENSORS = 1 << 19;
    static final int HOLT_EVERY = 8;
    static final int BATCH = 4096;
    private static final int NOISE = 4096;
    private static final long POLL_MS = 1000;

    private final double[] base = new double[SENSORS];
    private final double[] noise = new double[NOISE];
    private Thresholds thresholds;
    private EwmaZScore ewma;
    private Cusum cusum;
    private HoltTrend holt;
    private int next;
    private int round;
    private long time = 1_763_924_400_000L;

    @Setup
    public void setUp() {
        Random r = new Random(1);
        for (int i = 0; i < SENSORS; i++) {
            base[i] = -3 + r.nextDouble();
        }
        for (int i = 0; i < NOISE; i++) {
            noise[i] = r.nextGaussian() * 0.05;
        }
        thresholds = new Thresholds(new ThresholdSpec(Comparison.BELOW, new Level(-5.9, -5.4),
                new Level(-9.91, -9.41), Level.NONE, 1), SENSORS);
        ewma = new EwmaZScore(EwmaSpec.defaults(0.01), SENSORS);
        cusum = new Cusum(CusumSpec.defaults(0.01), SENSORS);
        holt = new HoltTrend(HoltSpec.defaults(-5.9, 86_400_000L), SENSORS / HOLT_EVERY);
        // Past every warm-up, so the measured path is the steady-state one.
        for (int i = 0; i < 40 * (SENSORS / BATCH); i++) {
            batch();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int update() {
        return batch();
    }

    private int batch() {
        int flags = 0;
        int start = next;
        int end = start + BATCH;
        long t = time;
        int offset = round;
        for (int s = start; s < end; s++) {
            double v = base[s] + noise[(s + offset) & (NOISE - 1)];
            flags += thresholds.update(s, v);
            flags += ewma.update(s, v) ? 1 : 0;
            flags += cusum.update(s, v);
            if ((s & (HOLT_EVERY - 1)) == 0) {
                holt.update(s / HOLT_EVERY, t, v);
            }
        }
        next = end == SENSORS ? 0 : end;
        if (next == 0) {
            round++;
            time += POLL_MS;
        }
        return flags;
    }
}
