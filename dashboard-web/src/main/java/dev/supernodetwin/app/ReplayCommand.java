package dev.supernodetwin.app;

import dev.supernodetwin.app.config.AccessSettings;
import dev.supernodetwin.app.config.InvalidSettingsException;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.alerts.AlertEventWriter;
import dev.supernodetwin.ingest.codec.DecoderLimits;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectionSink;
import dev.supernodetwin.ingest.deadletter.DeadLetterFile;
import dev.supernodetwin.ingest.replay.EventTimePacer;
import dev.supernodetwin.ingest.replay.FileReplaySource;
import dev.supernodetwin.ingest.replay.KafkaReplaySource;
import dev.supernodetwin.ingest.history.HistorySettings;
import dev.supernodetwin.ingest.history.InfluxHistorySink;
import dev.supernodetwin.ingest.replay.ReplayControl;
import dev.supernodetwin.ingest.replay.ReplayOptions;
import dev.supernodetwin.ingest.replay.ReplayPipeline;
import dev.supernodetwin.ingest.replay.ReplayProgress;
import dev.supernodetwin.ingest.replay.ReplaySource;
import dev.supernodetwin.ingest.replay.ReplaySummary;
import dev.supernodetwin.ingest.replay.StartTime;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code twin replay}: recorded telemetry through the same decoder and twin as the live service, on event time. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays recorded telemetry through the twin, paced by event time.",
                "From a recording (--input FILE, NDJSON or .gz) or from a Kafka topic (--from-kafka --bootstrap B",
                "--topic T [--from-time T]: every partition, no consumer group, up to the end at start).",
                "With --alerts-out or --rules the twin detects as 'twin run' does and the summary counts the alerts.",
                "Prints progress on stderr and a summary at the end.",
                "With --serve (and --input) it serves the dashboard while replaying, with replay controls (pause,",
                "speed, seek: the page's replay bar or /api/replay), and keeps serving after the recording ends",
                "until Ctrl-C. --speed defaults to max without --serve and to 1 (real time) with --serve."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TopologyOptions topology;

    @Mixin
    RulesOption rules;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", description = "Recording to replay (NDJSON, gzip if .gz).")
        Path input;

        @Option(names = "--from-kafka", description = "Replay a Kafka topic (needs --bootstrap and --topic).")
        boolean kafka;
    }

    @Option(names = "--bootstrap", paramLabel = "B", description = "Kafka host:port, with --from-kafka.")
    String bootstrap;

    @Option(names = "--topic", paramLabel = "T", description = "Topic to replay, with --from-kafka.")
    String topic;

    @Option(names = "--from-time", paramLabel = "T",
            description = "With --from-kafka: first event time, ISO-8601 or a duration ago like 2h (default: all).")
    String fromTime;

    @Option(names = "--speed", paramLabel = "N|max",
            description = "Event time runs N times as fast as wall time; max: no pacing (default: max; 1 with --serve).")
    String speed;

    /** With --serve: who may use the dashboard, and TLS. */
    @Mixin
    AccessOptions accessOptions;

    @Option(names = "--serve", description = "Serve the dashboard, with replay controls, while replaying --input.")
    boolean serve;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "With --serve: address to serve on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "With --serve: port to serve on (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    LiveTickOption liveTick;

    @Option(names = "--alerts-out", paramLabel = "FILE", description = "Write alert events here (NDJSON).")
    Path alertsOut;

    @Option(names = "--dead-letters", paramLabel = "FILE",
            description = "Write rejected frames here (NDJSON with reason and source).")
    Path deadLetters;

    @Option(names = "--read-ahead", negatable = true, defaultValue = "true",
            description = "Read and gunzip a file on a second thread (default: ${DEFAULT-VALUE}).")
    boolean readAhead;

    @Option(names = "--decode-threads", paramLabel = "N",
            description = "Threads decoding frames; frames are still applied in order (default: one per core).")
    int decodeThreads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--influx-url", paramLabel = "URL",
            description = "Also write history to this InfluxDB (http://host:port), as twin run does (default: off).")
    String influxUrl;

    @Option(names = "--influx-database", paramLabel = "DB", defaultValue = "supernode_twin",
            description = "InfluxDB database for history (default: ${DEFAULT-VALUE}).")
    String influxDatabase;

    @Override
    public Integer call() throws Exception {
        Optional<Instant> from = checkOptions();
        if (decodeThreads < 1) {
            throw new IllegalArgumentException("--decode-threads must be at least 1, was " + decodeThreads);
        }
        if (serve) {
            return serve();
        }
        EventTimePacer pacer = pacer();
        RuleSet ruleSet = rules.rules();
        Topology topo = topology.topology();
        SensorLayout layout = new SensorLayout(topo);
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        FrameDecoder decoder = new FrameDecoder(layout);
        ProgressLine line = new ProgressLine(System.err);
        try (ReplaySource src = open(topo, decoder.limits(), from);
             DeadLetterFile dead = deadLetters == null ? null : DeadLetterFile.create(deadLetters);
             AlertEventWriter alerts = alertsOut == null ? null : AlertEventWriter.create(alertsOut)) {
            RejectionSink rejections = dead == null ? RejectionSink.ignoring() : dead;
            ReplayOptions options = new ReplayOptions(pacer, from.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE),
                    rejections, progress(line, src), decodeThreads);
            ReplayPipeline pipeline = new ReplayPipeline(twin, decoder, options)
                    .detectWith(ruleSet, DetectionSettings.defaults());
            // The same history sink as the live service, flushed and drained when the replay ends.
            Optional<InfluxHistorySink> history = Optional.ofNullable(influxUrl).map(url -> InfluxHistorySink.start(
                    layout, HistorySettings.defaults().withUrl(url).withDatabase(influxDatabase)));
            history.ifPresent(twin::addListener);
            if (alerts != null) {
                pipeline.addAlertSink(alerts);
            } else if (rules.given()) {
                // Rules without a file still detect, for the counts in the summary.
                pipeline.detect();
            }
            ReplaySummary summary;
            try {
                summary = runStoppable(pipeline, src);
            } finally {
                history.ifPresent(InfluxHistorySink::close);
            }
            line.finish();
            System.out.println(summary.line());
            history.ifPresent(h -> System.out.printf("history: %,d points written, %,d dropped, %,d refused by InfluxDB%n",
                    h.stats().pointsWritten(), h.stats().pointsDropped(), h.stats().pointsRejected()));
            if (alerts != null || rules.given()) {
                System.out.printf("alerts: %,d events, %,d firing at the end%s; %s%n", pipeline.alertEvents(),
                        pipeline.alertsFiring(), alerts == null ? "" : ", written to " + alertsOut,
                        rules.describe(ruleSet));
            }
            if (dead != null) {
                System.out.printf("dead letters: %,d written to %s%n", dead.written(), deadLetters);
            }
        }
        return 0;
    }

    /** Runs the replay; Ctrl-C stops it after the record in hand and lets the files close. */
    private static ReplaySummary runStoppable(ReplayPipeline pipeline, ReplaySource src) throws IOException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            pipeline.stop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return pipeline.run(src);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for the latch released above.
            }
        }
    }

    private Optional<Instant> checkOptions() {
        if (source.kafka) {
            if (bootstrap == null || topic == null) {
                throw new ParameterException(spec.commandLine(), "--from-kafka needs --bootstrap B and --topic T");
            }
            return fromTime == null ? Optional.empty() : Optional.of(StartTime.parse(fromTime, InstantSource.system()));
        }
        if (bootstrap != null || topic != null || fromTime != null) {
            throw new ParameterException(spec.commandLine(),
                    "--bootstrap, --topic and --from-time go with --from-kafka, not with --input");
        }
        return Optional.empty();
    }

    private EventTimePacer pacer() {
        double s = speed(speed == null ? "max" : speed);
        return s == ReplayControl.UNPACED ? EventTimePacer.unpaced()
                : EventTimePacer.atSpeed(s, EventTimePacer.Ticker.system(), EventTimePacer.Sleeper.system());
    }

    /** The speed, or {@link ReplayControl#UNPACED} for max; a usage error unless 0 < N ≤ 10,000 or max. */
    private double speed(String text) {
        if (text.equalsIgnoreCase("max")) {
            return ReplayControl.UNPACED;
        }
        try {
            double s = Double.parseDouble(text);
            if (s > 0 && s <= ReplayControl.MAX_SPEED) {
                return s;
            }
        } catch (NumberFormatException e) {
            // Reported below with what is accepted.
        }
        throw new ParameterException(spec.commandLine(), "--speed must be a number above 0 and at most "
                + (long) ReplayControl.MAX_SPEED + ", or max; was " + text);
    }

    /** {@code --serve}: the dashboard over a controlled replay of {@code --input}, until Ctrl-C. */
    private int serve() throws Exception {
        if (source.kafka || alertsOut != null || deadLetters != null || influxUrl != null) {
            throw new ParameterException(spec.commandLine(), "--serve replays a recording (--input) into the"
                    + " dashboard; it does not take --from-kafka, --alerts-out, --dead-letters or --influx-url");
        }
        long tick = liveTick.millis();
        AccessSettings access;
        try {
            access = accessOptions.resolve(host);
        } catch (InvalidSettingsException e) {
            System.err.println("twin replay: " + e.getMessage());
            return 2;
        }
        ReplayControl control = new ReplayControl(speed(speed == null ? "1" : speed), EventTimePacer.Ticker.system(),
                EventTimePacer.Sleeper.system());
        Topology topo = topology.topology();
        SensorLayout layout = new SensorLayout(topo);
        ReplayOptions options = new ReplayOptions(EventTimePacer.unpaced(), Long.MIN_VALUE, RejectionSink.ignoring(),
                ReplayProgress.none(), decodeThreads);
        ServedReplay.Setup setup = new ServedReplay.Setup(layout, rules.rules(), options, decoder -> readAhead
                ? FileReplaySource.openWithReadAhead(source.input, decoder.limits())
                : FileReplaySource.open(source.input, decoder.limits()), tick);
        return new ReplayServer(topo, setup, control).serve(host, port, rules.describe(setup.rules()),
                access.control());
    }

    private ReplaySource open(Topology topo, DecoderLimits limits, Optional<Instant> from) throws IOException {
        if (source.kafka) {
            return new KafkaReplaySource(bootstrap, topic, topo.supernode(), from);
        }
        return readAhead ? FileReplaySource.openWithReadAhead(source.input, limits)
                : FileReplaySource.open(source.input, limits);
    }

    private static ReplayProgress progress(ProgressLine line, ReplaySource src) {
        long[] last = new long[3];
        return (applied, samples, done, total, wallNanos) -> {
            double dt = (wallNanos - last[2]) / 1e9;
            if (dt <= 0) {
                return;
            }
            double frameRate = (applied - last[0]) / dt;
            double sampleRate = (samples - last[1]) / dt;
            double fraction = total == 0 ? 1 : (double) done / total;
            double eta = fraction <= 0 ? Double.NaN : wallNanos / 1e9 * (1 - fraction) / fraction;
            last[0] = applied;
            last[1] = samples;
            last[2] = wallNanos;
            line.show(String.format(Locale.ROOT, "replay %5.1f%% of %s | %sframes/s | %ssamples/s | ETA %s",
                    fraction * 100, src.progressUnit(), ProgressLine.si(frameRate), ProgressLine.si(sampleRate),
                    ProgressLine.clock(eta)));
        };
    }
}
