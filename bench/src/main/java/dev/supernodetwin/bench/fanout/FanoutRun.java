package dev.supernodetwin.bench.fanout;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One run of the fan-out harness: server up, clients connected, warm-up, measurement, report, server down. */
public final class FanoutRun {
    /**
     * What to run.
     *
     * @param clients  WebSocket clients
     * @param tickMs   the server's live tick
     * @param duration measured time, ms
     * @param warmup   time after all clients connected before measuring, ms
     * @param preset   the simulated supernode
     * @param jar      the server jar
     */
    public record Settings(int clients, long tickMs, long duration, long warmup, String preset, Path jar) {
        /** Reads {@code --clients N --tick D --duration D [--warmup D] [--preset P] [--jar FILE]}. */
        public static Settings parse(String[] args) {
            int clients = 100;
            long tick = 100;
            long duration = 60_000;
            long warmup = 10_000;
            String preset = "cpo-72";
            Path jar = Path.of("dashboard-web/target/supernode-twin.jar");
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(v);
                    case "--tick" -> tick = millis(v);
                    case "--duration" -> duration = millis(v);
                    case "--warmup" -> warmup = millis(v);
                    case "--preset" -> preset = v;
                    case "--jar" -> jar = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: --clients N"
                            + " --tick 100ms --duration 60s [--warmup 10s] [--preset cpo-72] [--jar FILE]");
                }
                i++;
            }
            if (!Files.isReadable(jar)) {
                throw new IllegalArgumentException("no server jar at " + jar + "; build it (./twin --version) or pass --jar");
            }
            return new Settings(clients, tick, duration, warmup, preset, jar);
        }

        private static long millis(String d) {
            if (d.endsWith("ms")) {
                return Long.parseLong(d.substring(0, d.length() - 2));
            }
            if (d.endsWith("s")) {
                return Long.parseLong(d.substring(0, d.length() - 1)) * 1000;
            }
            if (d.endsWith("m")) {
                return Long.parseLong(d.substring(0, d.length() - 1)) * 60_000;
            }
            throw new IllegalArgumentException("expected a duration like 100ms, 60s or 2m, was " + d);
        }
    }

    private final Settings s;
    private final LatencyStats stats = new LatencyStats();
    /** Held for the whole run: Vert.x closes a client that is no longer reachable, and its sockets with it. */
    private WebSocketClient client;

    public FanoutRun(Settings s) {
        this.s = s;
    }

    /** Runs; 0 when every client got messages. */
    public int run() throws Exception {
        Path log = Files.createTempFile("live-fanout-server", ".log");
        List<String> demo = List.of("--preset", s.preset(), "--live-tick", s.tickMs() + "ms");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (DemoServerProcess server = DemoServerProcess.start(s.jar(), demo, log)) {
            System.out.printf("server pid %d at %s (log %s)%n", server.pid(), server.address(), log);
            ProcessStats proc = new ProcessStats(server.pid());
            List<WebSocket> sockets = connect(vertx, server.address());
            Thread.sleep(s.warmup());
            stats.reset();
            double cpu0 = proc.cpuSeconds();
            long t0 = System.nanoTime();
            Report report = new Report(s, stats, proc, sockets.size());
            for (long next = 5_000; next <= s.duration(); next += 5_000) {
                Thread.sleep(Math.min(5_000, s.duration() - (next - 5_000)));
                report.progress(cpu0, t0);
            }
            report.finish(cpu0, t0);
            sockets.forEach(WebSocket::close);
            return stats.messages() > 0 ? 0 : 1;
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private List<WebSocket> connect(Vertx vertx, URI address) throws Exception {
        client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(s.clients() + 10).setMaxFrameSize(64 << 20).setMaxMessageSize(64 << 20));
        List<WebSocket> sockets = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < s.clients(); i += 50) {
            List<io.vertx.core.Future<WebSocket>> batch = new ArrayList<>();
            for (int j = i; j < Math.min(s.clients(), i + 50); j++) {
                batch.add(client.connect(address.getPort(), address.getHost(), "/live"));
            }
            for (io.vertx.core.Future<WebSocket> f : batch) {
                try {
                    WebSocket ws = f.await(30, TimeUnit.SECONDS);
                    Receiver r = new Receiver(stats);
                    ws.handler(r::onMessage);
                    sockets.add(ws);
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        }
        System.out.printf("connected %,d clients (%d failed)%n", sockets.size(), failed.get());
        return sockets;
    }

    /** One client's view of the stream: parses the header fields it needs straight from the bytes. */
    static final class Receiver {
        private final LatencyStats stats;
        private long lastSeq = -1;

        Receiver(LatencyStats stats) {
            this.stats = stats;
        }

        void onMessage(Buffer b) {
            long now = System.currentTimeMillis();
            long seq = field(b, "\"seq\":");
            long sent = field(b, "\"sent\":");
            boolean full = b.length() > 10 && b.getByte(9) == 'f';
            if (lastSeq >= 0 && seq != lastSeq + 1) {
                stats.gap(seq - lastSeq - 1);
            }
            lastSeq = seq;
            stats.record(full, b.length(), now - sent);
        }

        /** The number after {@code name} in the first 200 bytes (the header comes first). */
        static long field(Buffer b, String name) {
            int limit = Math.min(b.length(), 200);
            outer:
            for (int i = 0; i + name.length() < limit; i++) {
                for (int k = 0; k < name.length(); k++) {
                    if (b.getByte(i + k) != name.charAt(k)) {
                        continue outer;
                    }
                }
                long v = 0;
                for (int j = i + name.length(); j < limit && Character.isDigit(b.getByte(j)); j++) {
                    v = v * 10 + (b.getByte(j) - '0');
                }
                return v;
            }
            return -1;
        }
    }

    /** Prints progress and the final figures. */
    private record Report(Settings s, LatencyStats stats, ProcessStats proc, int clients) {
        void progress(double cpu0, long t0) throws java.io.IOException {
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%5.0f s  %,8.0f msg/s  p50 %d ms  p99 %d ms  gaps %,d  server CPU %.0f %%"
                            + "  RSS %.0f MiB%n", secs, stats.messages() / secs, stats.percentile(0.5),
                    stats.percentile(0.99), stats.gaps.sum(), (proc.cpuSeconds() - cpu0) / secs * 100, proc.rssMiB());
        }

        void finish(double cpu0, long t0) throws java.io.IOException {
            double secs = (System.nanoTime() - t0) / 1e9;
            double requested = clients * 1000.0 / s.tickMs();
            long fulls = stats.fulls.sum();
            long deltas = stats.deltas.sum();
            double cpu = (proc.cpuSeconds() - cpu0) / secs * 100;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.println("---- live fan-out ----");
            System.out.printf(Locale.ROOT, "preset %s, tick %d ms, %,d clients, measured %.0f s after %d s warm-up%n",
                    s.preset(), s.tickMs(), clients, secs, s.warmup() / 1000);
            System.out.printf(Locale.ROOT, "updates/s: requested %,.0f, delivered %,.0f (%.1f %%)%n", requested,
                    stats.messages() / secs, stats.messages() / secs / requested * 100);
            System.out.printf(Locale.ROOT, "lost or conflated: %,d ticks in %,d gaps; full messages %,d, deltas %,d%n",
                    stats.missed.sum(), stats.gaps.sum(), fulls, deltas);
            System.out.printf(Locale.ROOT, "bytes/message: full %,d (on connect), delta %,.0f (mean)%n",
                    stats.lastFullBytes,
                    deltas == 0 ? 0.0 : (double) stats.deltaBytes.sum() / deltas);
            System.out.printf(Locale.ROOT, "latency ms: p50 %d, p90 %d, p99 %d, max %d%n", stats.percentile(0.5),
                    stats.percentile(0.9), stats.percentile(0.99), stats.max());
            System.out.printf(Locale.ROOT, "server: CPU %.1f %% of one core (%.1f %% of %d cores), RSS %.0f MiB%n", cpu,
                    cpu / cores, cores, proc.rssMiB());
        }
    }
}
