package dev.supernodetwin.app.run;

import dev.supernodetwin.app.config.RunSettings;
import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The composition root of {@code twin run}: wires the Kafka source, the twin, the dead letters, the
 * metrics and the HTTP edge from one validated {@link RunSettings}, and tears them down in order.
 */
public final class TwinService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TwinService.class);

    private final KafkaFrameSource source;
    private final Optional<InfluxHistorySink> history;
    private final DeadLetters deadLetters;
    private final Thread writer;
    private final Vertx vertx;
    private final CountDownLatch stop = new CountDownLatch(1);

    private TwinService(KafkaFrameSource source, Optional<InfluxHistorySink> history, DeadLetters deadLetters,
                        Thread writer, Vertx vertx) {
        this.source = source;
        this.history = history;
        this.deadLetters = deadLetters;
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
        source.afterBatch(new SnapshotPublisher(twin.state(), board, clock, 250));
        RunMetrics metrics = new RunMetrics(topo.supernode(), source.stats(), decoder, deadLetters);
        source.onLatency(metrics::latency);
        history.ifPresent(metrics::history);

        Thread writer = new Thread(source, "twin-writer-" + topo.supernode());
        Vertx vertx = Vertx.vertx();
        TwinService service = new TwinService(source, history, deadLetters, writer, vertx);
        // Nothing detects here yet: /api/alerts answers with no alerts.
        DashboardServer server = new DashboardServer(s.httpHost(), s.httpPort(), new DashboardServer.Views(
                TopologyView.of(topo), new LiveFeed(board, new LiveView(layout), 500), new AlertBoard()),
                new RunProbes(source.stats(), writer, clock, metrics));
        try {
            vertx.deployVerticle(server).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            service.close();
            throw new IllegalStateException("cannot serve on " + s.httpHost() + ":" + s.httpPort() + " ("
                    + e.getMessage() + "); choose another with --http-port", e);
        }
        writer.setUncaughtExceptionHandler((t, e) -> {
            LOG.error("ingest thread failed", e);
            service.stop.countDown();
        });
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service.stop::countDown, "twin-shutdown"));
        System.out.printf("twin %s: consuming %s from %s as group %s; dead letters to %s%n", topo.supernode(),
                s.topic(), s.kafkaBootstrap(), s.group(), s.deadLetterTopic());
        System.out.printf("history: %s%n", s.influxUrl().map(u -> "InfluxDB " + u + " database " + s.influxDatabase())
                .orElse("off (set --influx-url to keep it)"));
        System.out.printf("live page, /metrics, /ready, /alive on http://%s:%d/%n", s.httpHost(), server.actualPort());
        return service;
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
        history.ifPresent(InfluxHistorySink::close);
        deadLetters.close();
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not close cleanly: {}", e.getMessage());
        }
    }
}
