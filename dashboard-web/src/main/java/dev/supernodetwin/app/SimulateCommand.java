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
import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.ingest.kafka.FrameProducer;
import dev.supernodetwin.ingest.kafka.FrameProducerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code twin simulate}: writes a recording of a simulated supernode and the ground truth of its faults. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Writes a recording of a simulated supernode and the ground truth of its faults.",
                "The recording is NDJSON (gzip-compressed when FILE ends in .gz); the ground truth goes",
                "beside it in FILE.truth.ndjson. Runs as fast as possible unless --realtime or --rate is given.",
                "With --kafka BOOTSTRAP --topic T the frames go to Kafka instead, keyed by the supernode id,",
                "--batch frames per record (no ground-truth file then).",
                "With --kafka, --supernode takes a comma list (e.g. sn01,sn02,sn03,sn04): each supernode is the --preset",
                "under its own id, with its own seed (the first uses --seed itself) and the --scenario faults that name it,",
                "all produced by this one process, keyed by their own ids and paced together; --rate is their total."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TopologyOptions topology;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Faults to inject (YAML or JSON).")
    Path scenario;

    @Option(names = "--duration", required = true, paramLabel = "D",
            description = "Simulated time to cover, e.g. 90s, 30m, 6h.")
    String duration;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Recording to write, e.g. run.ndjson.gz. Either this or --kafka.")
    Path out;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
            description = "Produce the frames to Kafka at host:port instead of writing a file; needs --topic.")
    String kafka;

    @Option(names = "--topic", paramLabel = "T", description = "Topic to produce to, with --kafka.")
    String topic;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "N",
            description = "Frames per Kafka record, as a JSON array; 1 sends single frame objects (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--rate", paramLabel = "N|max",
            description = "Frames per second at most, or max for as fast as possible (the default unless --realtime).")
    String rate;

    @Option(names = "--compression", defaultValue = "lz4", paramLabel = "lz4|none",
            description = "Kafka record compression (default: ${DEFAULT-VALUE}).")
    FrameProducerSettings.Compression compression;

    @Option(names = "--acks", defaultValue = "all", paramLabel = "all|1|0",
            description = "Kafka producer acks; idempotence is on with all (default: ${DEFAULT-VALUE}).")
    String acks;

    @Option(names = "--period", defaultValue = "1s", paramLabel = "D",
            description = "Telemetry period of every device (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--seed", paramLabel = "N", description = "Simulator seed (default: the scenario's, else 1).")
    Long seed;

    @Option(names = "--start", paramLabel = "INSTANT|now",
            description = {"Event time of the first frame, ISO-8601 or 'now' (default: now with --kafka, so a",
                    "live twin sees current telemetry; " + FIXED_START + " for files, so recordings repeat)."})
    String start;

    /** Where recordings start by default: fixed, so the same seed gives the same file. */
    static final String FIXED_START = "2026-01-01T00:00:00Z";

    @Option(names = "--realtime", description = "Pace the simulation to the wall clock.")
    boolean realtime;

    private long startMillis(long periodMillis) {
        String text = start != null ? start : kafka != null ? "now" : FIXED_START;
        if (text.equals("now")) {
            return System.currentTimeMillis() / periodMillis * periodMillis;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--start: '" + text + "' is not 'now' or an ISO-8601 instant such as "
                    + FIXED_START);
        }
    }

    @Override
    public Integer call() throws Exception {
        checkDestination();
        double framesPerSecond = framesPerSecond();
        if (topology.supernode.contains(",")) {
            return produceFleet(supernodeList(), framesPerSecond);
        }
        long durationMillis = Durations.parse(duration);
        long periodMillis = Durations.parse(period);
        Topology topo = topology.topology();
        SensorLayout layout = new SensorLayout(topo);
        ScenarioDocument loaded = scenario == null ? new ScenarioDocument(java.util.OptionalLong.empty(),
                Scenario.healthy()) : new ScenarioReader().read(scenario);
        long effectiveSeed = seed != null ? seed : loaded.seed().orElse(1L);
        long startMillis = startMillis(periodMillis);
        Simulator simulator = new Simulator(layout,
                new SimulationSettings(effectiveSeed, startMillis, periodMillis), loaded.scenario());
        long ticks = (durationMillis + periodMillis - 1) / periodMillis;
        if (kafka != null) {
            return produce(simulator, layout, ticks, framesPerSecond);
        }
        try (RecordingWriter writer = RecordingWriter.open(out, layout)) {
            FrameSink sink = RateLimiter.wrap(writer, framesPerSecond);
            run(simulator, ticks, () -> simulator.tick(sink));
        }
        Path truth = truthPath(out);
        List<GroundTruth> groundTruth = simulator.groundTruth();
        new GroundTruthWriter().write(groundTruth, truth);
        System.err.printf("wrote %s (%d ticks of %s) and %s (%d faults)%n", out, ticks, topo.supernode(), truth,
                groundTruth.size());
        return 0;
    }

    private void checkDestination() {
        if ((out == null) == (kafka == null)) {
            throw new ParameterException(spec.commandLine(), out == null
                    ? "say where the frames go: --out FILE or --kafka BOOTSTRAP --topic T"
                    : "--out and --kafka exclude each other: write a file or produce to Kafka, not both");
        }
        if (kafka != null && (topic == null || topic.isBlank())) {
            throw new ParameterException(spec.commandLine(), "--kafka needs --topic T");
        }
        if (kafka == null && topic != null) {
            throw new ParameterException(spec.commandLine(), "--topic is only used with --kafka");
        }
    }

    /** Frames/s from --rate; 0 for no limit. */
    private double framesPerSecond() {
        if (rate == null || rate.equalsIgnoreCase("max")) {
            return 0;
        }
        if (realtime) {
            throw new ParameterException(spec.commandLine(), "--rate and --realtime exclude each other");
        }
        try {
            double r = Double.parseDouble(rate);
            if (r > 0 && Double.isFinite(r)) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--rate must be a positive number of frames/s or max, was "
                + rate);
    }

    /** Runs {@code tick} {@code ticks} times, paced to {@code clock}'s event time with --realtime. */
    private void run(Simulator clock, long ticks, Runnable tick) throws InterruptedException {
        long first = clock.nextTime();
        try (ProgressBar bar = progress(ticks)) {
            long wallStart = System.nanoTime();
            for (long t = 0; t < ticks; t++) {
                if (realtime) {
                    pace(wallStart, clock.nextTime() - first);
                }
                tick.run();
                bar.step();
            }
        }
    }

    /** The ids of a --supernode list, after the checks that make a list usable. */
    private List<String> supernodeList() {
        if (out != null) {
            throw new ParameterException(spec.commandLine(), "--out writes one supernode's recording: give one"
                    + " --supernode id per recording, or produce the list to Kafka with --kafka");
        }
        if (topology.source.file != null) {
            throw new ParameterException(spec.commandLine(), "--topology describes one supernode: a --supernode"
                    + " list needs --preset, which each supernode gets under its own id");
        }
        try {
            return SimulatedFleet.parseIds(topology.supernode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--supernode: " + e.getMessage());
        }
    }

    private int produceFleet(List<String> ids, double framesPerSecond) throws Exception {
        long periodMillis = Durations.parse(period);
        long ticks = (Durations.parse(duration) + periodMillis - 1) / periodMillis;
        ScenarioDocument loaded = scenario == null ? new ScenarioDocument(java.util.OptionalLong.empty(),
                Scenario.healthy()) : new ScenarioReader().read(scenario);
        long baseSeed = seed != null ? seed : loaded.seed().orElse(1L);
        SimulatedFleet fleet = SimulatedFleet.of(topology.source.preset == null ? "cpo-72" : topology.source.preset,
                ids, new SimulationSettings(baseSeed, startMillis(periodMillis), periodMillis), loaded.scenario());
        FrameProducerSettings settings = new FrameProducerSettings(kafka, topic, batch, 2, compression, acks,
                acks.equals("all"));
        List<FrameProducer> producers = new ArrayList<>();
        try {
            List<FrameSink> sinks = new ArrayList<>();
            for (SensorLayout layout : fleet.layouts()) {
                FrameProducer producer = new FrameProducer(layout, settings);
                producers.add(producer);
                // Every supernode sends as many frames per tick, so equal shares keep the total at --rate.
                sinks.add(RateLimiter.wrap(producer, framesPerSecond / ids.size()));
            }
            run(fleet.first(), ticks, () -> fleet.tick(sinks));
        } finally {
            producers.forEach(FrameProducer::close);
        }
        boolean clean = true;
        for (int i = 0; i < ids.size(); i++) {
            clean &= report(producers.get(i).report(), ids.get(i));
        }
        return clean ? 0 : 1;
    }

    private int produce(Simulator simulator, SensorLayout layout, long ticks, double framesPerSecond)
            throws InterruptedException {
        FrameProducerSettings settings = new FrameProducerSettings(kafka, topic, batch, 2, compression, acks,
                acks.equals("all"));
        FrameProducer producer = new FrameProducer(layout, settings);
        try (producer) {
            FrameSink sink = RateLimiter.wrap(producer, framesPerSecond);
            run(simulator, ticks, () -> simulator.tick(sink));
        }
        return report(producer.report(), layout.topology().supernode()) ? 0 : 1;
    }

    /** Prints what was sent under {@code key}; true when nothing failed. */
    private boolean report(FrameProducer.ProducerReport r, String key) {
        System.err.printf("produced %,d frames in %,d records (%,d bytes) to %s on %s, key %s%n", r.frames(),
                r.records(), r.bytes(), topic, kafka, key);
        if (!r.clean()) {
            System.err.printf("FAILED to send %,d frames in %,d records; first errors:%n", r.failedFrames(),
                    r.failedRecords());
            r.errors().forEach(e -> System.err.println("  " + e));
            return false;
        }
        return true;
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
