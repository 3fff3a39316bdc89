package dev.supernodetwin.app;

import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.evaluate.EvaluationCase;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.alerts.AlertEventWriter;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.evaluate.EvaluationFiles;
import dev.supernodetwin.ingest.evaluate.SuiteCase;
import dev.supernodetwin.ingest.recording.RecordingWriter;
import dev.supernodetwin.ingest.replay.FileReplaySource;
import dev.supernodetwin.ingest.replay.ReplayOptions;
import dev.supernodetwin.ingest.replay.ReplayPipeline;
import dev.supernodetwin.ingest.scenario.GroundTruthWriter;
import dev.supernodetwin.ingest.scenario.ScenarioReader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one suite case as a user would with {@code twin simulate} then {@code twin replay --alerts-out}:
 * simulates the scenario into a recording and its ground truth, replays the recording through the same
 * decoder, twin and replay pipeline, writing alert events, and reads the files back for scoring.
 */
final class CaseRunner {
    private static final long START_MILLIS = Instant.parse(SimulateCommand.FIXED_START).toEpochMilli();

    private final Path workDir;
    private final int decodeThreads;
    private final RuleSet rules;
    private final Map<String, Topology> topologies = new HashMap<>();

    /** A runner writing its files to {@code workDir} and detecting with {@code rules}. */
    CaseRunner(Path workDir, int decodeThreads, RuleSet rules) {
        this.workDir = workDir;
        this.decodeThreads = decodeThreads;
        this.rules = rules;
    }

    /** Simulates, replays and loads one case; the files stay in the work folder under the case's name. */
    EvaluationCase run(SuiteCase c) throws IOException {
        Topology topology = topologies.computeIfAbsent(c.preset(), p -> Topology.of(Presets.expand(p, "sn01")));
        SensorLayout layout = new SensorLayout(topology);
        Scenario scenario = new ScenarioReader().read(c.scenario()).scenario();
        List<String> problems = Scenario.validate(scenario, topology);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(c.name() + ": scenario does not fit " + c.preset() + ": " + problems);
        }
        Path recording = workDir.resolve(c.name() + ".ndjson.gz");
        Path truth = SimulateCommand.truthPath(recording);
        Path alerts = workDir.resolve(c.name() + ".alerts.ndjson");
        simulate(c, layout, scenario, recording, truth);
        replay(layout, recording, alerts);
        return EvaluationFiles.load(c, topology, truth, alerts);
    }

    private static void simulate(SuiteCase c, SensorLayout layout, Scenario scenario, Path recording, Path truth)
            throws IOException {
        Simulator simulator = new Simulator(layout, new SimulationSettings(c.seed(), START_MILLIS, c.periodMillis()),
                scenario);
        try (RecordingWriter writer = RecordingWriter.open(recording, layout)) {
            for (long t = 0; t < c.ticks(); t++) {
                simulator.tick(writer);
            }
        }
        new GroundTruthWriter().write(simulator.groundTruth(), truth);
    }

    /** The replay half of {@code twin replay --input R --alerts-out A [--rules F]}, unpaced. */
    private void replay(SensorLayout layout, Path recording, Path alerts) throws IOException {
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        FrameDecoder decoder = new FrameDecoder(layout);
        try (FileReplaySource source = FileReplaySource.openWithReadAhead(recording, decoder.limits());
             AlertEventWriter writer = AlertEventWriter.create(alerts)) {
            ReplayPipeline pipeline = new ReplayPipeline(twin, decoder,
                    ReplayOptions.maxSpeed().withDecodeThreads(decodeThreads))
                    .detectWith(rules, DetectionSettings.defaults());
            pipeline.addAlertSink(writer);
            pipeline.run(source);
        }
    }
}
