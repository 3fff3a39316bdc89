package dev.supernodetwin.bench;

import dev.supernodetwin.core.detect.DetectorFootprint;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.diagnose.DetectionEngine;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Hot state per sensor on each preset against the 64 B budget of performance.md §4.3: the detector
 * slots the default rules need ({@link DetectorFootprint}), the whole {@link DetectionEngine}'s
 * {@code stateBytes()} (slots, bindings, peer and laser state), and the twin's own state; then, as a
 * cross-check of those counts, the heap the twin and the engine take when built (used heap after a
 * full GC, before and after) and after a run of simulated frames.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.supernodetwin.bench.DetectorMemory [--ticks N] [preset...]</pre>
 *
 * Presets default to all; {@code --ticks} (default 60) is how many one-second ticks are applied
 * before the last heap reading.
 */
public final class DetectorMemory {
    /** Per sensor: last value and its time ({@code TwinState}). */
    private static final int TWIN_BYTES_PER_SENSOR = Double.BYTES + Long.BYTES;
    /** Per device: last frame time and period ({@code TwinState}), last time and sequence ({@code DuplicateFilter}). */
    private static final int TWIN_BYTES_PER_DEVICE = 4 * Long.BYTES;
    private static final long START = 1_767_225_600_000L;
    private static final int COLLECTIONS = 6;

    private DetectorMemory() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        int ticks = 60;
        List<String> presets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--ticks") && i + 1 < args.length) {
                ticks = Integer.parseInt(args[++i]);
            } else {
                presets.add(args[i]);
            }
        }
        for (String preset : presets.isEmpty() ? Presets.names() : presets) {
            measure(preset, ticks);
        }
    }

    private static void measure(String preset, int ticks) {
        RuleSet rules = RuleSet.defaults();
        SensorLayout layout = new SensorLayout(Topology.of(Presets.expand(preset, "sn01")));
        Simulator sim = new Simulator(layout, SimulationSettings.everySecond(1, START), Scenario.healthy());
        long sensors = layout.sensorCount();
        DetectorFootprint slots = DetectorFootprint.of(layout, rules);

        long[] before = heapAfterGc();
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        long[] withTwin = heapAfterGc();
        DetectionEngine engine = new DetectionEngine(twin.state(), rules, DetectionSettings.defaults(), e -> { });
        twin.addListener(engine);
        long[] withEngine = heapAfterGc();
        for (int t = 0; t < ticks; t++) {
            sim.tick(twin::apply);
        }
        long[] afterRun = heapAfterGc();

        printCounts(preset, layout, slots, engine.stateBytes());
        String run = String.format(Locale.ROOT, "after %d ticks (%,d samples, %d evaluations)", ticks, twin.samples(),
                engine.evaluations());
        for (int k = 0; k < 2; k++) {
            System.out.printf(Locale.ROOT, "  %-14s new Twin %s, new DetectionEngine %s; both %s %s%n",
                    k == 0 ? "live objects:" : "heap after GC:", perSensor(withTwin[k] - before[k], sensors),
                    perSensor(withEngine[k] - withTwin[k], sensors), run, perSensor(afterRun[k] - before[k], sensors));
        }
        // The simulator was on the heap at the first reading; it must still be at the last.
        Reference.reachabilityFence(sim);
    }

    private static void printCounts(String preset, SensorLayout layout, DetectorFootprint slots, long engineBytes) {
        long sensors = layout.sensorCount();
        int devices = layout.topology().deviceCount();
        long twinBytes = sensors * TWIN_BYTES_PER_SENSOR + (long) devices * TWIN_BYTES_PER_DEVICE;
        StringBuilder perType = new StringBuilder();
        for (int i = 0; i < DetectorFootprint.TYPES.size(); i++) {
            perType.append(' ').append(DetectorFootprint.TYPES.get(i)).append('=').append(slots.slots().get(i));
        }
        System.out.printf(Locale.ROOT, "%s: %,d sensors, %,d devices%n", preset, sensors, devices);
        System.out.printf(Locale.ROOT, "  detector slots of the default rules: %s; heaviest sensor %d B; slots:%s%n",
                perSensor(slots.detectorBytes(), sensors), slots.maxSensorBytes(), perType);
        System.out.printf(Locale.ROOT, "  engine stateBytes(): %s%n", perSensor(engineBytes, sensors));
        System.out.printf(Locale.ROOT, "  twin state (%d B/sensor + %d B/device): %s%n", TWIN_BYTES_PER_SENSOR,
                TWIN_BYTES_PER_DEVICE, perSensor(twinBytes, sensors));
        System.out.printf(Locale.ROOT, "  engine + twin: %s (budget 64 B/sensor)%n", perSensor(engineBytes + twinBytes,
                sensors));
    }

    private static String perSensor(long bytes, long sensors) {
        return String.format(Locale.ROOT, "%,d B = %.1f B/sensor", bytes, (double) bytes / sensors);
    }

    /**
     * The heap after full collections, two ways: the bytes of live objects (the JVM's class histogram,
     * which collects first), and the heap in use as each pool recorded it at that collection, which also
     * counts what the collector's layout costs (whole regions for large arrays under G1). The least of
     * {@value #COLLECTIONS} collections: the garbage of what was just dropped can take a few to go.
     */
    private static long[] heapAfterGc() {
        long[] least = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < COLLECTIONS; i++) {
            least[0] = Math.min(least[0], liveBytes());
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    used += pool.getCollectionUsage().getUsed();
                }
            }
            least[1] = Math.min(least[1], used);
        }
        return least;
    }

    /** Bytes of live objects, from a class histogram (which runs a full collection first). */
    private static long liveBytes() {
        try {
            Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] lines = histogram.toString().strip().split("\n");
            // The last line reads "Total <instances> <bytes>".
            String[] total = lines[lines.length - 1].trim().split("\\s+");
            return Long.parseLong(total[2]);
        } catch (JMException e) {
            throw new IllegalStateException("the JVM's class histogram is not available", e);
        }
    }
}
