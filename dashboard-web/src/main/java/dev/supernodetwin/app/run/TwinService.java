package dev.supernodetwin.app.run;

import dev.supernodetwin.app.config.RunSettings;
import dev.supernodetwin.app.notify.Notifier;
import dev.supernodetwin.app.notify.SendContext;
import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.state.AlertState;
import dev.supernodetwin.app.runtime.AlertLog;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.core.diagnose.DetectionEngine;
import dev.supernodetwin.core.diagnose.DetectionSettings;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.api.ApiSources;
import dev.supernodetwin.dashboard.api.history.HistorySources;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.history.HistorySettings;
import dev.supernodetwin.ingest.history.InfluxHistorySink;
import dev.supernodetwin.ingest.kafka.DeadLetters;
import dev.supernodetwin.ingest.kafka.KafkaFrameSource;
import dev.supernodetwin.ingest.kafka.KafkaSourceSettings;
import dev.supernodetwin.ingest.topology.TopologyReader;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The composition root of {@code twin run}: wires the Kafka source, the twin, detection, the dead
 * letters, the metrics and the HTTP edge from one validated {@link RunSettings}, and tears them down in
 * order.
 */
public final class TwinService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TwinService.class);
    /** Longest a shutdown (Ctrl-C, SIGTERM) waits for the outputs to close: the sum of their own timeouts. */
    private static final long CLOSE_WAIT_SECONDS = 120;

    private final KafkaFrameSource source;
    /**
     * What the writer thread feeds (history, alert file, dead letters, notifier): closed, in order, once it
     * has stopped. Not a copy: {@link #start} adds the notifier once the served port is known, before the
     * writer thread starts and before the shutdown hook can run.
     */
    private final List<AutoCloseable> outputs;
    private final Thread writer;
    private final Vertx vertx;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private TwinService(KafkaFrameSource source, List<AutoCloseable> outputs, Thread writer, Vertx vertx) {
        this.source = source;
        this.outputs = outputs;
        this.writer = writer;
        this.vertx = vertx;
    }

    /** Starts consuming and serving; returns once the HTTP endpoints listen. */
    public static TwinService start(RunSettings s) throws IOException {
        InstantSource clock = InstantSource.system();
        TopologyDocument doc = s.topologyFile().isPresent() ? TopologyReader.read(s.topologyFile().get())
                : Presets.expand(s.preset().orElseThrow(), s.supernode());
        Topology topo = Topology.of(doc);
        SensorLayout layout = new SensorLayout(topo);
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        FrameDecoder decoder = new FrameDecoder(layout);
        // History is written off the hot path: the sink downsamples on this thread and a writer drains a bounded queue.
        Optional<InfluxHistorySink> history = s.influxUrl().map(url -> InfluxHistorySink.start(layout,
                HistorySettings.defaults().withUrl(url).withDatabase(s.influxDatabase())));
        history.ifPresent(twin::addListener);
        DeadLetters deadLetters = new DeadLetters(s.kafkaBootstrap(), s.deadLetterTopic(), "twin-" + topo.supernode());
        KafkaFrameSource source = new KafkaFrameSource(new KafkaSourceSettings(s.kafkaBootstrap(), s.topic(), s.group(),
                s.deadLetterTopic(), topo.supernode(), s.rebuildWindowMs(), s.commitEveryMs()), twin, decoder,
                deadLetters, clock);
        SnapshotBoard board = new SnapshotBoard();
        // The page's charts read InfluxDB when history goes there, else the recent history kept in memory.
        HistorySources charts = HistorySources.choose(s.influxUrl(), s.influxDatabase(), layout);
        // Published at least as often as the live stream ticks, so every tick can show something new.
        source.afterBatch(new SnapshotPublisher(twin.state(), board, charts.recent(), clock,
                Math.min(250, s.liveTickMs())));
        RunMetrics metrics = new RunMetrics(topo.supernode(), source.stats(), decoder, deadLetters);
        source.onLatency(metrics::latency);
        history.ifPresent(metrics::history);
        List<AutoCloseable> outputs = new ArrayList<>();
        history.ifPresent(outputs::add);
        charts.influx().ifPresent(outputs::add);
        AlertBoard alerts = new AlertBoard();
        AlertState alertState = AlertState.open(new AlertState.Settings(s.stateDir(), s.influxUrl(),
                s.influxDatabase()), topo, clock);
        List<AlertSink> sinks = new ArrayList<>(List.of(alertState.historySink()));
        detect(twin, s.detection(), metrics, alerts, sinks).ifPresent(outputs::add);
        metrics.alerts(alerts);
        metrics.counter("twin_alert_history_dropped", "alert history entries that could not be kept", alertState,
                AlertState::historyDropped);
        outputs.add(alertState);
        outputs.add(deadLetters);

        Thread writer = new Thread(source, "twin-writer-" + topo.supernode());
        Vertx vertx = Vertx.vertx();
        TwinService service = new TwinService(source, outputs, writer, vertx);
        ApiSources api = new ApiSources(layout, board, alerts, s.detection().rules(), charts.source(),
                Optional.empty(), clock, alertState.acks(), alertState.silences(), alertState.historySource());
        LiveFeed feed = new LiveFeed(LiveSources.live(board, () -> alerts.view().events()), new LiveView(layout),
                s.liveTickMs());
        DashboardServer.Views views = new DashboardServer.Views(TopologyView.of(topo, s.detection().rules()), feed,
                api, Optional.empty(), s.access().control());
        int port;
        try {
            port = DashboardServer.deploy(vertx, s.httpHost(), s.httpPort(), views,
                    new RunProbes(source.stats(), writer, clock, metrics)).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            service.close();
            throw new IllegalStateException("cannot serve on " + s.httpHost() + ":" + s.httpPort() + " ("
                    + e.getMessage() + "); " + (s.access().tls().isPresent() ? "are --tls-cert and --tls-key a"
                    + " certificate and its own private key, in PEM? Or " : "") + "choose another with --http-port", e);
        }
        // Deep links need the served address, known only now; no alert is raised before the writer starts.
        // Silenced alerts are not notified (their resolves still are).
        Notifier notifier = Notifier.start(s.detection().receivers(), Notifier.servedAddress(s.httpHost(), port),
                SendContext.system(alertState.silences()));
        sinks.add(notifier);
        metrics.notifications(notifier);
        outputs.add(notifier);
        writer.setUncaughtExceptionHandler((t, e) -> {
            LOG.error("ingest thread failed", e);
            service.stop.countDown();
        });
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::stopAndAwaitClose, "twin-shutdown"));
        System.out.printf("twin %s: consuming %s from %s as group %s; dead letters to %s%n", topo.supernode(),
                s.topic(), s.kafkaBootstrap(), s.group(), s.deadLetterTopic());
        System.out.printf("history: %s%n", s.influxUrl().map(u -> "InfluxDB " + u + " database " + s.influxDatabase())
                .orElse("off (set --influx-url to keep it)"));
        System.out.println(s.detection().describe());
        System.out.println(alertState.describe());
        System.out.println(views.access().describe(s.httpHost()));
        System.out.printf("live page, /metrics, /ready, /alive on %s://%s:%d/%n",
                s.access().tls().isPresent() ? "https" : "http", s.httpHost(), port);
        return service;
    }

    /**
     * Puts a detection engine on the twin whose alert events go to the alert file (when there is one),
     * the log, the metrics, {@code board} and whatever else is in {@code sinks} by the time the writer
     * starts; returns the file, which the caller closes.
     */
    private static Optional<AlertFile> detect(Twin twin, RunSettings.Detection d, RunMetrics metrics,
                                              AlertBoard board, List<AlertSink> sinks) throws IOException {
        Optional<AlertFile> file = Optional.empty();
        if (d.alertsOut().isPresent()) {
            file = Optional.of(AlertFile.create(d.alertsOut().get()));
            sinks.add(file.get());
            metrics.counter("twin_alert_file_failures", "alert events that could not be written to --alerts-out",
                    file.get(), AlertFile::failures);
        }
        sinks.add(new AlertLog());
        sinks.add(metrics::alertEvent);
        sinks.add(board);
        twin.addListener(new DetectionEngine(twin.state(), d.rules(), DetectionSettings.defaults(),
                e -> sinks.forEach(sink -> sink.onAlert(e))));
        return file;
    }

    /**
     * The shutdown hook: stops the service and holds the JVM until {@link #close} has run, so that the
     * last offsets are committed and the outputs flushed and closed before the process exits.
     */
    private void stopAndAwaitClose() {
        stop.countDown();
        try {
            if (!closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("shutdown did not finish within {} s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for Ctrl-C or for the ingest thread to stop; 0 on a clean stop, 1 after a fatal error. */
    public int awaitStop() throws InterruptedException {
        while (!stop.await(1, TimeUnit.SECONDS)) {
            if (!writer.isAlive()) {
                String fatal = source.stats().fatal();
                System.err.println("twin run: ingest stopped" + (fatal == null ? "" : ": " + fatal));
                return fatal == null ? 0 : 1;
            }
        }
        return 0;
    }

    @Override
    public void close() {
        source.close();
        for (AutoCloseable output : outputs) {
            try {
                output.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly: {}", output.getClass().getSimpleName(), e.getMessage());
            }
        }
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not close cleanly: {}", e.getMessage());
        } finally {
            closed.countDown();
        }
    }
}
