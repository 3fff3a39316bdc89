package dev.supernodetwin.ingest.history;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.testing.TestServices;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The acceptance test of history: while InfluxDB is stopped for 30 s the twin keeps ingesting, and once
 * it is back every window of the whole run is in history, with nothing dropped.
 */
class InfluxOutageIT {
    private static final long WINDOW = 10_000;
    private static final long OUTAGE_MILLIS = 30_000;
    /** Event time runs about 200 times faster than wall time: 20 windows per wall second. */
    private static final long TICK_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final String database = "it_outage_" + UUID.randomUUID().toString().replace('-', '_');
    private final String script = servicesScript();
    private final InfluxDB influx = InfluxDBFactory.connect(TestServices.influxUrl());
    private final InfluxQueries queries = new InfluxQueries(influx, database);
    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong lastEventTime = new AtomicLong();
    private volatile boolean feeding = true;
    private boolean influxStopped;

    private static String servicesScript() {
        String s = System.getenv("TWIN_SERVICES_SCRIPT");
        if (s == null || s.isBlank()) {
            fail("TWIN_SERVICES_SCRIPT is not set: this test stops and restarts InfluxDB and runs only against "
                    + "services started by the project's script: scripts/services.sh run -- mvn -B verify");
        }
        return s;
    }

    @AfterEach
    void restoreInfluxAndDropDatabase() throws Exception {
        feeding = false;
        if (influxStopped) {
            services("influx-start");
        }
        queries.dropDatabase();
        influx.close();
    }

    private void services(String command) throws IOException, InterruptedException {
        File log = new File(System.getProperty("java.io.tmpdir"), "influx-outage-services.log");
        Process p = new ProcessBuilder(script, command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("services.sh %s finished in time", command).isTrue();
        assertThat(p.exitValue()).as("services.sh %s exit code; see %s", command, log).isZero();
        influxStopped = command.equals("influx-stop");
    }

    @Test
    void keepsIngestingThroughA30SecondOutageAndHistoryHasNoGap() throws Exception {
        long t0 = Math.floorDiv(System.currentTimeMillis() - 3_600_000L, WINDOW) * WINDOW + 3_000;
        HistorySettings settings = HistorySettings.defaults().withUrl(TestServices.influxUrl()).withDatabase(database);
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        InfluxHistorySink sink = InfluxHistorySink.start(layout, settings);
        twin.addListener(sink);
        Simulator sim = new Simulator(layout, SimulationSettings.everySecond(7, t0), Scenario.healthy());
        Thread feeder = new Thread(() -> {
            while (feeding) {
                lastEventTime.set(sim.nextTime());
                sim.tick(twin::apply);
                applied.set(twin.applied());
                LockSupport.parkNanos(TICK_PAUSE_NANOS);
            }
            twin.idle();
        }, "feeder");
        feeder.start();

        Thread.sleep(5_000);
        services("influx-stop");
        List<Long> duringOutage = new ArrayList<>();
        long outageEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OUTAGE_MILLIS);
        while (System.nanoTime() < outageEnd) {
            duringOutage.add(applied.get());
            Thread.sleep(1_000);
        }
        duringOutage.add(applied.get());
        HistoryStats inOutage = sink.stats();
        services("influx-start");
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sink.stats().backlog() > 5_000 && System.nanoTime() < drainDeadline) {
            Thread.sleep(200);
        }
        Thread.sleep(3_000);
        feeding = false;
        feeder.join(10_000);
        sink.close(Duration.ofSeconds(60));

        HistoryStats stats = sink.stats();
        long first = Math.floorDiv(t0, WINDOW);
        long last = Math.floorDiv(lastEventTime.get(), WINDOW);
        long windows = last - first + 1;
        System.out.printf("outage: frames applied during the outage %d (from %d to %d), backlog at its end %d, "
                        + "write failures %d; run: %d windows, points queued %d, written %d, dropped %d%n",
                duringOutage.get(duringOutage.size() - 1) - duringOutage.get(0), duringOutage.get(0),
                duringOutage.get(duringOutage.size() - 1), inOutage.backlog(), stats.writeFailures(), windows,
                stats.pointsQueued(), stats.pointsWritten(), stats.pointsDropped());

        assertThat(duringOutage).as("applied frames sampled each second of the outage").isSorted();
        assertThat(duringOutage.get(duringOutage.size() - 1)).as("frames applied while InfluxDB was down")
                .isGreaterThan(duringOutage.get(0) + 1_000);
        assertThat(inOutage.lastWriteSucceeded()).isFalse();
        assertThat(stats.writeFailures()).isPositive();
        assertThat(stats.pointsDropped()).isZero();
        assertThat(stats.pointsRejected()).isZero();
        assertThat(stats.pointsWritten()).isEqualTo(stats.pointsQueued());
        assertNoGap("temp_c_mean", "device = 'tn/gpu0'", first, windows);
        assertNoGap("rx_dbm_mean", "device = 'tn/sw/oe1' AND lane = '7'", first, windows);
        assertNoGap("supply_c_mean", "device = 'tn/cdu1'", first, windows);
        assertNoGap("out_dbm_mean", "device = 'tn/els0' AND lane = '2'", first, windows);
    }

    private void assertNoGap(String field, String where, long firstWindow, long windows) {
        List<List<Object>> rows = queries.rows("SELECT " + field + " FROM telemetry WHERE " + where
                + " ORDER BY time ASC");
        assertThat(rows).as("%s windows for %s", field, where).hasSize((int) windows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i).get(0)).longValue()).as("window %d of %s for %s", i, field, where)
                    .isEqualTo((firstWindow + i) * WINDOW);
        }
    }
}
