package dev.supernodetwin.app.run;

import dev.supernodetwin.app.config.RunSettings;
import dev.supernodetwin.app.notify.Notifier;
import dev.supernodetwin.app.notify.SendContext;
import dev.supernodetwin.app.runtime.AlertLog;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.ingest.kafka.CompactedTopic;
import dev.supernodetwin.ingest.kafka.DeadLetters;
import dev.supernodetwin.ingest.kafka.KafkaFrameSource;
import dev.supernodetwin.ingest.kafka.KafkaSourceSettings;
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
     * What outlives the shards (fleet publisher and topic, alert file, dead letters, notifier): closed, in
     * order, once the source has stopped and closed its shards. Not a copy: {@link #start} adds the notifier
     * and the fleet topic once the served port is known, before the writer thread starts and before the
     * shutdown hook can run.
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

    /**
     * Starts consuming and serving; returns once the HTTP endpoints listen.
     *
     * @throws IOException              when a topology document cannot be read
     * @throws IllegalArgumentException when the topologies have problems (each listed)
     */
    public static TwinService start(RunSettings s) throws IOException {
        InstantSource clock = InstantSource.system();
        TopologyCatalog catalog = TopologyCatalog.of(s);
        RunSettings.Fleet fleetSettings = s.fleet();
        String clientId = "twin-" + fleetSettings.instance();
        List<AutoCloseable> outputs = new ArrayList<>();
        AlertFanout reported = new AlertFanout();
        Optional<AlertFile> alertFile = alertFile(s.detection());
        alertFile.ifPresent(outputs::add);
        alertFile.ifPresent(reported::add);
        reported.add(new AlertLog());
        FleetBoard fleetBoard = new FleetBoard(clock);
        CompactedTopic fleetTopic = CompactedTopic.open(s.kafkaBootstrap(), fleetSettings.topic(), clientId,
                fleetBoard::onRecord);
        outputs.add(fleetTopic);
        // The address is known once the server listens; the owner written in summaries needs it before.
        AdvertisedAddress address = new AdvertisedAddress(fleetSettings.advertiseUrl(), s.httpHost(),
                s.access().tls().isPresent());
        ShardRegistry shards = new ShardRegistry(catalog, new SupernodeShard.Common(s, clock, s.access().control(),
                reported, fleetBoard, fleetTopic::publish), fleetBoard, () -> address.owner(fleetSettings.instance()));
        fleetBoard.onState(shards::onSharedState);
        DeadLetters deadLetters = new DeadLetters(s.kafkaBootstrap(), s.deadLetterTopic(), clientId);
        KafkaFrameSource source = new KafkaFrameSource(new KafkaSourceSettings(s.kafkaBootstrap(), s.topic(), s.group(),
                s.deadLetterTopic(), clientId, s.rebuildWindowMs(), s.commitEveryMs()), shards, deadLetters, clock);
        RunMetrics metrics = new RunMetrics(fleetSettings.instance(), source.stats(), shards::rejections, deadLetters);
        source.onLatency(metrics::latency);
        reported.add(metrics::alertEvent);
        // An alert reported is committed at once, so that a new owner does not re-read and report it again.
        reported.add(e -> source.commitSoon());
        metrics.alerts(shards::firing);
        if (s.influxUrl().isPresent()) {
            metrics.history(shards, r -> r.history(h -> h.pointsWritten()), r -> r.history(h -> h.pointsDropped()),
                    r -> r.history(h -> h.pointsRejected()), r -> r.history(h -> h.writeFailures()),
                    r -> r.history(h -> h.backlog()), r -> r.history(h -> h.lastWriteSucceeded() ? 0 : 1));
        }
        alertFile.ifPresent(f -> metrics.counter("twin_alert_file_failures",
                "alert events that could not be written to --alerts-out", f, AlertFile::failures));
        outputs.add(deadLetters);
        // The source closes every shard as it stops; this waits for them before the rest closes.
        outputs.add(0, shards);

        Thread writer = new Thread(source, "twin-writer");
        Vertx vertx = Vertx.vertx();
        TwinService service = new TwinService(source, outputs, writer, vertx);
        int port;
        try {
            port = DashboardServer.deploy(vertx, s.httpHost(), s.httpPort(), shards,
                    new RunProbes(source.stats(), writer, clock, metrics)).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            service.close();
            throw new IllegalStateException("cannot serve on " + s.httpHost() + ":" + s.httpPort() + " ("
                    + e.getMessage() + "); " + (s.access().tls().isPresent() ? "are --tls-cert and --tls-key a"
                    + " certificate and its own private key, in PEM? Or " : "") + "choose another with --http-port", e);
        }
        address.served(port);
        // Deep links need the served address, known only now; no alert is raised before the writer starts.
        // Silenced alerts are not notified (their resolves still are).
        Notifier notifier = Notifier.start(s.detection().receivers(), address.uri(),
                SendContext.system(shards::silenced));
        reported.add(notifier);
        shards.notifier(notifier);
        metrics.notifications(notifier);
        outputs.add(notifier);
        FleetPublisher publisher = new FleetPublisher(shards, fleetTopic);
        // Closed first: no summary is published once the shards start closing.
        outputs.add(0, publisher);
        metrics.counter("twin_fleet_summaries_published", "supernode summaries published to the fleet topic",
                fleetTopic, CompactedTopic::published);
        metrics.gauge("twin_fleet_supernodes", "supernodes in the fleet topic", fleetBoard, FleetBoard::size);
        writer.setUncaughtExceptionHandler((t, e) -> {
            LOG.error("ingest thread failed", e);
            service.stop.countDown();
        });
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::stopAndAwaitClose, "twin-shutdown"));
        System.out.printf("twin instance %s: consuming %s from %s as group %s; dead letters to %s%n",
                fleetSettings.instance(), s.topic(), s.kafkaBootstrap(), s.group(), s.deadLetterTopic());
        System.out.printf("supernodes: %s, as the group assigns their partitions; fleet summaries on %s%n",
                catalog.describe(), fleetSettings.topic());
        System.out.printf("history: %s%n", s.influxUrl().map(u -> "InfluxDB " + u + " database " + s.influxDatabase())
                .orElse("off (set --influx-url to keep it)"));
        System.out.println(s.detection().describe());
        System.out.println("alert state: silences and acks in " + s.stateDir() + "/SUPERNODE; alert history to "
                + s.influxUrl().map(u -> "InfluxDB " + u).orElse(s.stateDir() + "/SUPERNODE"));
        System.out.println(s.access().control().describe(s.httpHost()));
        System.out.printf("live page, /metrics, /ready, /alive on %s (advertised as %s)%n",
                Notifier.servedAddress(s.httpHost(), port).toString().replace("http://",
                        s.access().tls().isPresent() ? "https://" : "http://"), address.uri());
        return service;
    }

    private static Optional<AlertFile> alertFile(RunSettings.Detection d) throws IOException {
        return d.alertsOut().isPresent() ? Optional.of(AlertFile.create(d.alertsOut().get())) : Optional.empty();
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
