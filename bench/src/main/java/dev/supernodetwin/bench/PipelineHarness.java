package dev.supernodetwin.bench;

import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.codec.DecoderLimits;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import java.time.InstantSource;
import dev.supernodetwin.ingest.kafka.DeadLetters;
import dev.supernodetwin.ingest.kafka.KafkaSourceSettings;
import dev.supernodetwin.ingest.kafka.KafkaFrameSource;
import dev.supernodetwin.ingest.kafka.Shard;
import dev.supernodetwin.ingest.kafka.Shards;
import dev.supernodetwin.ingest.kafka.FrameProducer;
import dev.supernodetwin.ingest.kafka.FrameProducerSettings;
import dev.supernodetwin.ingest.recording.RecordingWriter;
import dev.supernodetwin.ingest.replay.FileReplaySource;
import dev.supernodetwin.ingest.replay.ReplayOptions;
import dev.supernodetwin.ingest.replay.ReplayPipeline;
import dev.supernodetwin.ingest.replay.ReplaySummary;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * End-to-end figures of the pipeline against a real broker (not JMH: it needs the broker and runs for
 * tens of seconds): (a) sustained ingest from a Kafka backlog through FrameDecoder into the Twin,
 * (b) append-to-applied latency under a paced load, (c) file replay at max speed.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.supernodetwin.bench.PipelineHarness --bootstrap 127.0.0.1:9092</pre>
 *
 * Options: {@code --frames N} (a, default 300000), {@code --latency-seconds S} (b, default 25),
 * {@code --rate SAMPLES} (b, default 1000000), {@code --ticks N} (c, default 600), {@code --only a,b,c}.
 */
public final class PipelineHarness {
    private static final long START = 1_767_225_600_000L;

    private final SensorLayout layout = new SensorLayout(Topology.of(Presets.expand("cpo-72", "sn01")));
    private final String bootstrap;

    private PipelineHarness(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String only = opts.getOrDefault("only", "a,b,c");
        PipelineHarness h = new PipelineHarness(opts.getOrDefault("bootstrap", "127.0.0.1:9092"));
        System.out.printf(Locale.ROOT, "java %s, %d cpus, max heap %d MB%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (only.contains("a")) {
            h.sustainedIngest(Long.parseLong(opts.getOrDefault("frames", "300000")));
        }
        if (only.contains("b")) {
            h.latency(Integer.parseInt(opts.getOrDefault("latency-seconds", "25")),
                    Double.parseDouble(opts.getOrDefault("rate", "1000000")));
        }
        if (only.contains("c")) {
            h.fileReplay(Integer.parseInt(opts.getOrDefault("ticks", "600")));
        }
    }

    /** Passes on only the optical engines' frames: 8 lanes, 83 samples each in cpo-72. */
    private FrameSink enginesOnly(FrameSink next) {
        return f -> {
            if (layout.topology().device(f.device()).kind() == DeviceKind.OE) {
                next.accept(f);
            }
        };
    }

    private String createTopic(Map<String, String> configs) throws Exception {
        String topic = "bench-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs))).all().get();
        }
        return topic;
    }

    private void sustainedIngest(long frames) throws Exception {
        String topic = createTopic(Map.of());
        Simulator sim = new Simulator(layout, new SimulationSettings(1, START, 1000), Scenario.healthy());
        long t0 = System.nanoTime();
        FrameProducer producer = new FrameProducer(layout, FrameProducerSettings.defaults(bootstrap, topic));
        long[] count = {0};
        FrameSink sink = enginesOnly(f -> {
            if (count[0] < frames) {
                count[0]++;
                producer.accept(f);
            }
        });
        while (count[0] < frames) {
            sim.tick(sink);
        }
        producer.close();
        FrameProducer.ProducerReport r = producer.report();
        double produceSecs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "(a) produced %,d engine frames in %,d records (%,d MB before lz4) in %.1f s;"
                + " failed %,d%n", r.frames(), r.records(), r.bytes() >> 20, produceSecs, r.failedFrames());
        for (int run = 1; run <= 3; run++) {
            // The live service's path: a consumer-group member (KafkaFrameSource, as twin run) applying a backlog.
            Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
            KafkaSourceSettings settings = new KafkaSourceSettings(bootstrap, topic, topic + "-run" + run,
                    topic + ".dead", "bench", 0, 1_000);
            try (DeadLetters dead = new DeadLetters(bootstrap, topic + ".dead", "bench");
                 KafkaFrameSource source = new KafkaFrameSource(settings, Shards.single(Shard.of(twin), () -> { }), dead,
                         InstantSource.system())) {
                Thread loop = new Thread(source, "bench-twin-writer");
                loop.start();
                while (source.stats().applied() == 0) {
                    sleep(1_000_000L);
                }
                // Timed from the first applied frame, so group join and partition assignment are not counted.
                long begin = System.nanoTime();
                long firstSamples = source.stats().samples();
                while (source.stats().applied() < r.frames()) {
                    sleep(1_000_000L);
                }
                double secs = (System.nanoTime() - begin) / 1e9;
                long samples = source.stats().samples() - firstSamples;
                System.out.printf(Locale.ROOT, "(a) run %d: applied %,d frames (%,d samples after the first poll) in"
                        + " %.2f s: %.2f M samples/s%n", run, source.stats().applied(), samples, secs, samples / secs / 1e6);
            }
        }
    }

    private void latency(int seconds, double samplesPerSecond) throws Exception {
        String topic = createTopic(Map.of("message.timestamp.type", "LogAppendTime"));
        AtomicBoolean producing = new AtomicBoolean(true);
        long[] latencies = new long[(int) (samplesPerSecond / 83 / 16 * (seconds + 10)) + 10_000];
        long[] appliedAt = new long[latencies.length];
        int[] n = {0};
        Thread consumerThread = new Thread(() -> consume(topic, producing, latencies, appliedAt, n), "bench-consumer");
        consumerThread.start();
        Thread.sleep(1000);
        double framesPerSecond = samplesPerSecond / 83.0;
        Simulator sim = new Simulator(layout, new SimulationSettings(2, START, 1000), Scenario.healthy());
        long sent;
        long begin = System.currentTimeMillis();
        try (FrameProducer producer = new FrameProducer(layout, FrameProducerSettings.defaults(bootstrap, topic))) {
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long[] frames = {0};
            FrameSink paced = enginesOnly(f -> {
                if ((frames[0] & 63) == 0) {
                    long ahead = start + (long) (frames[0] * 1e9 / framesPerSecond) - System.nanoTime();
                    if (ahead > 1_000_000) {
                        sleep(ahead);
                    }
                }
                frames[0]++;
                producer.accept(f);
            });
            while (System.nanoTime() < end) {
                sim.tick(paced);
            }
            sent = frames[0];
        }
        Thread.sleep(2000);
        producing.set(false);
        consumerThread.join();
        long warmUpEnd = begin + 5000;
        long[] kept = new long[n[0]];
        int k = 0;
        for (int i = 0; i < n[0]; i++) {
            if (appliedAt[i] >= warmUpEnd) {
                kept[k++] = latencies[i];
            }
        }
        long[] sorted = Arrays.copyOf(kept, k);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "(b) paced %.2f M samples/s (%,.0f engine frames/s) for %d s: sent %,d frames;"
                        + " %,d records measured after a 5 s warm-up: p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms%n",
                samplesPerSecond / 1e6, framesPerSecond, seconds, sent, k, pct(sorted, 0.50), pct(sorted, 0.99),
                pct(sorted, 0.999), k == 0 ? -1 : sorted[k - 1]);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /**
     * The live service's path: {@link KafkaFrameSource} (the class {@code twin run} runs) → FrameDecoder →
     * Twin.apply, as a consumer-group member; latency = applied time − LogAppendTime, per record.
     */
    private void consume(String topic, AtomicBoolean producing, long[] latencies, long[] appliedAt, int[] n) {
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        KafkaSourceSettings settings = new KafkaSourceSettings(bootstrap, topic, topic + "-bench", topic + ".dead",
                "bench", 0, 1_000);
        try (DeadLetters dead = new DeadLetters(bootstrap, topic + ".dead", "bench");
             KafkaFrameSource source = new KafkaFrameSource(settings, Shards.single(Shard.of(twin), () -> { }), dead,
                     InstantSource.system())) {
            source.onLatency(ms -> {
                if (n[0] < latencies.length) {
                    latencies[n[0]] = ms;
                    appliedAt[n[0]++] = System.currentTimeMillis();
                }
            });
            Thread loop = new Thread(source, "bench-twin-writer");
            loop.start();
            while (producing.get()) {
                sleep(50_000_000L);
            }
        }
    }

    private void fileReplay(int ticks) throws IOException {
        Path dir = Files.createTempDirectory("bench-replay");
        for (String name : new String[] {"cpo-72.ndjson", "cpo-72.ndjson.gz"}) {
            Path file = dir.resolve(name);
            Simulator sim = new Simulator(layout, new SimulationSettings(3, START, 1000), Scenario.healthy());
            long t0 = System.nanoTime();
            try (RecordingWriter w = RecordingWriter.open(file, layout)) {
                for (int t = 0; t < ticks; t++) {
                    sim.tick(w);
                }
            }
            System.out.printf(Locale.ROOT, "(c) wrote %s: %d ticks, %,d bytes in %.1f s%n", name, ticks, Files.size(file),
                    (System.nanoTime() - t0) / 1e9);
            // one thread; read-ahead; read-ahead with decoding on every core (what ./twin replay does)
            int cores = Runtime.getRuntime().availableProcessors();
            int[][] modes = {{0, 1}, {1, 1}, {1, cores}};
            for (int[] mode : modes) {
                boolean readAhead = mode[0] == 1;
                for (int run = 1; run <= 3; run++) {
                    Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
                    FileReplaySource src = readAhead ? FileReplaySource.openWithReadAhead(file, DecoderLimits.DEFAULTS)
                            : FileReplaySource.open(file, DecoderLimits.DEFAULTS);
                    try (src) {
                        ReplaySummary s = new ReplayPipeline(twin, new FrameDecoder(layout),
                                ReplayOptions.maxSpeed().withDecodeThreads(mode[1])).run(src);
                        System.out.printf(Locale.ROOT, "(c) %s %s, %d decode thread(s), run %d: %,d frames, %,d samples"
                                        + " in %.2f s: %.2f M samples/s, %.0fx real time%n", name,
                                readAhead ? "read-ahead" : "one reader", mode[1], run, s.applied(), s.samples(),
                                s.wallNanos() / 1e9, s.samplesPerSecond() / 1e6, s.speedUp());
                    }
                }
            }
            Files.delete(file);
        }
        Files.delete(dir);
    }
}
