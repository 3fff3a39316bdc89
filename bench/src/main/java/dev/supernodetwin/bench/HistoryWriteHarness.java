package dev.supernodetwin.bench;

import dev.supernodetwin.ingest.history.HistorySettings;
import dev.supernodetwin.ingest.history.HistoryStats;
import dev.supernodetwin.ingest.history.HistoryWriter;
import dev.supernodetwin.ingest.history.InfluxPointWriter;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Write throughput of history into a live InfluxDB 1.x: the same points (a) through the sink's writer
 * path ({@link HistoryWriter}: bounded queue, one background thread, batches of 5,000) and (b) as plain
 * influxdb-java writes of {@code BatchPoints} of 10,000. Each run uses a fresh database, dropped after.
 *
 * <pre>java -cp ... dev.supernodetwin.bench.HistoryWriteHarness --influx http://127.0.0.1:8086 [--points 500000]</pre>
 */
public final class HistoryWriteHarness {
    private HistoryWriteHarness() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = null;
        int n = 500_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--influx" -> url = args[++i];
                case "--points" -> n = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --influx URL [--points N]");
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--influx URL is required");
        }
        List<Point> points = telemetry(n, System.currentTimeMillis() - 3_600_000L);
        System.out.printf("%,d points of optical-lane window aggregates (10 fields, 4 tags each)%n", n);
        double sink = viaSinkWriter(url, points);
        double plain = plainBatches(url, points);
        System.out.printf("(a) InfluxHistorySink writer path : %,.0f points/s%n", sink);
        System.out.printf("(b) plain BatchPoints of 10,000   : %,.0f points/s%n", plain);
    }

    /** Lane aggregates like the sink's: rx/tx/bias min/max/mean and a counter, one point per lane and window. */
    private static List<Point> telemetry(int n, long start) {
        SplittableRandom random = new SplittableRandom(1);
        List<Point> points = new ArrayList<>(n);
        int lanesPerWindow = 2_000;
        for (int i = 0; i < n; i++) {
            int lane = i % lanesPerWindow;
            long window = start + (i / lanesPerWindow) * 10_000L;
            Point.Builder b = Point.measurement("telemetry").time(window, TimeUnit.MILLISECONDS)
                    .tag("supernode", "sn01").tag("device", "sn01/t" + (lane / 64) + "/oe" + (lane / 8 % 8))
                    .tag("kind", "oe").tag("lane", Integer.toString(lane % 8));
            for (String m : new String[] {"rx_dbm", "tx_dbm", "bias_ma"}) {
                double v = -3 + random.nextDouble();
                b.addField(m + "_min", v - 0.05).addField(m + "_max", v + 0.05).addField(m + "_mean", v);
            }
            points.add(b.addField("ferc_total", (double) i).build());
        }
        return points;
    }

    private static double viaSinkWriter(String url, List<Point> points) throws InterruptedException {
        HistorySettings settings = HistorySettings.defaults().withUrl(url).withDatabase("bench_sink_" + System.nanoTime());
        long t = System.nanoTime();
        HistoryWriter writer = HistoryWriter.start(settings, new InfluxPointWriter(settings));
        for (Point p : points) {
            while (!writer.offer(p)) {
                Thread.onSpinWait();
            }
        }
        while (writer.stats().pointsWritten() < points.size()) {
            Thread.sleep(1);
        }
        double rate = points.size() / ((System.nanoTime() - t) / 1e9);
        HistoryStats stats = writer.stats();
        writer.close(Duration.ofSeconds(10));
        drop(url, settings.database());
        if (stats.pointsDropped() != 0 || stats.writeFailures() != 0) {
            System.out.println("warning: " + stats);
        }
        return rate;
    }

    private static double plainBatches(String url, List<Point> points) {
        String db = "bench_plain_" + System.nanoTime();
        try (InfluxDB influx = InfluxDBFactory.connect(url)) {
            influx.query(new Query("CREATE DATABASE \"" + db + "\""));
            long t = System.nanoTime();
            for (int from = 0; from < points.size(); from += 10_000) {
                influx.write(BatchPoints.database(db).precision(TimeUnit.MILLISECONDS)
                        .points(points.subList(from, Math.min(points.size(), from + 10_000))).build());
            }
            double rate = points.size() / ((System.nanoTime() - t) / 1e9);
            influx.query(new Query("DROP DATABASE \"" + db + "\""));
            return rate;
        }
    }

    private static void drop(String url, String db) {
        try (InfluxDB influx = InfluxDBFactory.connect(url)) {
            influx.query(new Query("DROP DATABASE \"" + db + "\""));
        }
    }
}
