package dev.supernodetwin.bench;

import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.diagnose.DetectionEngine;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Per-sample cost of the whole detection path as the twin runs it: simulated frames of a healthy
 * supernode go through {@link Twin#apply} with a {@link DetectionEngine} listening (plausibility, every
 * default rule's detectors, and an evaluation, with root-cause analysis and alert tracking, at every
 * second of event time), or with no listener at all ({@code detection=false}), so that the engine's
 * own cost is the difference of the two.
 *
 * <p>{@value #TICKS} one-second ticks are simulated into memory first and replayed without end, event
 * time moving on each pass ({@link RecordedTicks}). Both variants include copying each frame from the
 * recording into a reused {@link FrameBuffer}, as a decoder would fill it. One invocation applies
 * whole frames until {@value #SAMPLES} samples are in, and carries any overshoot into the next, so
 * one operation is one sample.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DetectionEngineUpdateBenchmark {
    static final int SAMPLES = 1 << 16;
    static final int TICKS = 240;
    private static final long START = 1_767_225_600_000L;

    @Param({"cpo-72", "oio-1024"})
    public String preset;

    @Param({"false", "true"})
    public boolean detection;

    private RecordedTicks recording;
    private Twin twin;
    private DetectionEngine engine;
    private final FrameBuffer frame = new FrameBuffer(1024);
    private long alertEvents;
    private long carried;

    @Setup(Level.Trial)
    public void setUp() {
        SensorLayout layout = new SensorLayout(Topology.of(Presets.expand(preset, "sn01")));
        recording = RecordedTicks.record(layout, 1, START, TICKS);
        twin = new Twin(layout, StalenessPolicy.DEFAULT);
        if (detection) {
            engine = new DetectionEngine(twin.state(), RuleSet.defaults(), DetectionSettings.defaults(),
                    e -> alertEvents++);
            twin.addListener(engine);
        }
        // One whole pass first, so every detector is past its warm-up before JMH's own warm-up starts.
        for (int f = 0; f < recording.frames(); f++) {
            recording.next(frame);
            twin.apply(frame);
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d ticks recorded, %,d frames, %,d samples (%.0f per tick)%n", preset,
                recording.ticks(), recording.frames(), recording.samples(),
                (double) recording.samples() / recording.ticks());
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public long applySamples() {
        long due = SAMPLES - carried;
        long applied = 0;
        while (applied < due) {
            applied += recording.next(frame);
            twin.apply(frame);
        }
        carried = applied - due;
        return twin.samples();
    }

    @TearDown(Level.Trial)
    public void report() {
        if (twin.duplicates() != 0) {
            throw new IllegalStateException(twin.duplicates() + " replayed frames were taken for duplicates");
        }
        System.out.printf(Locale.ROOT, "%n%s detection=%s: %,d frames, %,d samples applied; %s%n", preset, detection,
                twin.applied(), twin.samples(), engine == null ? "no engine"
                        : String.format(Locale.ROOT, "%,d evaluations, %,d alert events, %d firing, detection state"
                        + " %,d B", engine.evaluations(), alertEvents, engine.firing(), engine.stateBytes()));
    }
}
