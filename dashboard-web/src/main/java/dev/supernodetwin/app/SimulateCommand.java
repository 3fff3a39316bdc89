package dev.supernodetwin.app;

import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.core.sim.GroundTruth;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.ingest.recording.RecordingWriter;
import dev.supernodetwin.ingest.scenario.GroundTruthWriter;
import dev.supernodetwin.ingest.scenario.ScenarioDocument;
import dev.supernodetwin.ingest.scenario.ScenarioReader;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code twin simulate}: writes a recording of a simulated supernode and the ground truth of its faults. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Writes a recording of a simulated supernode and the ground truth of its faults.",
                "The recording is NDJSON (gzip-compressed when FILE ends in .gz); the ground truth goes",
                "beside it in FILE.truth.ndjson. Runs as fast as possible unless --realtime is given."})
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    TopologyOptions topology;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Faults to inject (YAML or JSON).")
    Path scenario;

    @Option(names = "--duration", required = true, paramLabel = "D",
            description = "Simulated time to cover, e.g. 90s, 30m, 6h.")
    String duration;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Recording to write, e.g. run.ndjson.gz.")
    Path out;

    @Option(names = "--period", defaultValue = "1s", paramLabel = "D",
            description = "Telemetry period of every device (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--seed", paramLabel = "N", description = "Simulator seed (default: the scenario's, else 1).")
    Long seed;

    @Option(names = "--start", defaultValue = "2026-01-01T00:00:00Z", paramLabel = "INSTANT",
            description = "Event time of the first frame, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--realtime", description = "Pace the simulation to the wall clock.")
    boolean realtime;

    @Override
    public Integer call() throws Exception {
        long durationMillis = Durations.parse(duration);
        long periodMillis = Durations.parse(period);
        Topology topo = topology.topology();
        SensorLayout layout = new SensorLayout(topo);
        ScenarioDocument loaded = scenario == null ? new ScenarioDocument(java.util.OptionalLong.empty(),
                Scenario.healthy()) : new ScenarioReader().read(scenario);
        long effectiveSeed = seed != null ? seed : loaded.seed().orElse(1L);
        Scenario faults = loaded.scenario();
        Simulator simulator = new Simulator(layout,
                new SimulationSettings(effectiveSeed, start.toEpochMilli(), periodMillis), faults);
        long end = start.toEpochMilli() + durationMillis;
        long ticks = (durationMillis + periodMillis - 1) / periodMillis;
        try (RecordingWriter writer = RecordingWriter.open(out, layout);
             ProgressBar bar = progress(ticks)) {
            long wallStart = System.nanoTime();
            while (simulator.nextTime() < end) {
                if (realtime) {
                    pace(wallStart, simulator.nextTime() - start.toEpochMilli());
                }
                simulator.tick(writer);
                bar.step();
            }
        }
        Path truth = truthPath(out);
        List<GroundTruth> groundTruth = simulator.groundTruth();
        new GroundTruthWriter().write(groundTruth, truth);
        System.err.printf("wrote %s (%d ticks of %s) and %s (%d faults)%n", out, ticks, topo.supernode(), truth,
                groundTruth.size());
        return 0;
    }

    private static ProgressBar progress(long ticks) {
        return new ProgressBarBuilder().setTaskName("simulating").setInitialMax(ticks)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" ticks", 1).continuousUpdate().build();
    }

    private static void pace(long wallStartNanos, long simulatedMillis) throws InterruptedException {
        long aheadMillis = simulatedMillis - (System.nanoTime() - wallStartNanos) / 1_000_000;
        if (aheadMillis > 0) {
            Thread.sleep(aheadMillis);
        }
    }

    /** {@code run.ndjson.gz} → {@code run.truth.ndjson}, beside the recording. */
    static Path truthPath(Path recording) {
        String name = recording.getFileName().toString();
        for (String suffix : new String[] {".ndjson.gz", ".ndjson", ".json.gz", ".json", ".gz"}) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return recording.resolveSibling(name + ".truth.ndjson");
    }
}
