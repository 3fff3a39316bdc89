package dev.supernodetwin.ingest.history;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.twin.FrameListener;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.testing.TestServices;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A simulated supernode's history, written by the sink to a real InfluxDB, reads back as it was fed. */
class InfluxHistoryIT {
    /** An hour ago on a window boundary: history older than the retention policy would be refused. */
    private static final long T0 = Math.floorDiv(System.currentTimeMillis() - 3_600_000L, 10_000L) * 10_000L;
    private static final int TICKS = 95;

    private final String database = "it_history_" + UUID.randomUUID().toString().replace('-', '_');
    private final InfluxDB influx = InfluxDBFactory.connect(TestServices.influxUrl());
    private final InfluxQueries queries = new InfluxQueries(influx, database);
    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);

    @AfterEach
    void dropDatabase() {
        queries.dropDatabase();
        influx.close();
    }

    /** Keeps every raw sample of one sensor, and every state sample, to compute what history should hold. */
    private static final class Recorder implements FrameListener {
        final int sensor;
        final TreeMap<Long, List<Double>> byWindow = new TreeMap<>();
        final double[] lastState;
        long stateChanges;

        Recorder(SensorLayout layout, int sensor) {
            this.sensor = sensor;
            this.lastState = new double[layout.sensorCount()];
            Arrays.fill(lastState, Double.NaN);
            this.layout = layout;
        }

        private final SensorLayout layout;

        @Override
        public void onFrame(FrameBuffer frame) {
            for (int i = 0; i < frame.size(); i++) {
                int s = frame.sensor(i);
                if (s == sensor) {
                    byWindow.computeIfAbsent(Math.floorDiv(frame.timestamp(), 10_000L) * 10_000L,
                            w -> new ArrayList<>()).add(frame.value(i));
                }
                if (layout.metricOf(s).type() == Metric.Type.STATE && lastState[s] != frame.value(i)) {
                    lastState[s] = frame.value(i);
                    stateChanges++;
                }
            }
        }
    }

    @Test
    void historyHoldsOneAggregatePerWindowWithItsMinMaxMeanAndEveryStateChange() {
        int gpu = topo.indexOf("tn/gpu0").orElseThrow();
        Recorder recorder = new Recorder(layout, layout.sensor(gpu, Metric.TEMP_C));
        HistorySettings settings = HistorySettings.defaults().withUrl(TestServices.influxUrl()).withDatabase(database);
        Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
        InfluxHistorySink sink = InfluxHistorySink.start(layout, settings);
        twin.addListener(sink);
        twin.addListener(recorder);
        Simulator sim = new Simulator(layout, SimulationSettings.everySecond(42, T0), Scenario.healthy());
        for (int t = 0; t < TICKS; t++) {
            sim.tick(twin::apply);
        }
        twin.idle();
        sink.close(Duration.ofSeconds(30));

        assertThat(sink.stats().pointsDropped()).isZero();
        assertThat(sink.stats().pointsWritten()).isEqualTo(sink.stats().pointsQueued()).isPositive();
        List<List<Object>> rows = queries.rows("SELECT temp_c_min, temp_c_max, temp_c_mean FROM telemetry "
                + "WHERE device = 'tn/gpu0' ORDER BY time ASC");
        assertThat(rows).hasSize(10); // 95 s from a window boundary: 9 full windows and a flushed half one
        int i = 0;
        for (var window : recorder.byWindow.entrySet()) {
            List<Object> row = rows.get(i++);
            DoubleSummary expected = DoubleSummary.of(window.getValue());
            assertThat(((Number) row.get(0)).longValue()).isEqualTo(window.getKey());
            assertThat((Double) row.get(1)).isEqualTo(expected.min);
            assertThat((Double) row.get(2)).isEqualTo(expected.max);
            assertThat((Double) row.get(3)).isCloseTo(expected.mean, within(1e-9));
        }
        assertThat(queries.number("SELECT count(value) FROM telemetry_state")).isEqualTo(recorder.stateChanges);
        assertThat(queries.number("SELECT count(rx_dbm_mean) FROM telemetry WHERE device = 'tn/gpu0/oe0' "
                + "AND lane = '3'")).isEqualTo(10);
        assertThat(queries.number("SELECT count(ecc_dbe_total) FROM telemetry WHERE device = 'tn/gpu1'"))
                .isEqualTo(10);
        assertThat(influx.query(new org.influxdb.dto.Query("SHOW RETENTION POLICIES ON \"" + database + "\""))
                .getResults().get(0).getSeries().get(0).getValues())
                .anySatisfy(rp -> assertThat(List.of(rp.get(0), rp.get(1), rp.get(4))).containsExactly("twin", "720h0m0s", true));
    }

    private record DoubleSummary(double min, double max, double mean) {
        static DoubleSummary of(List<Double> values) {
            var stats = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            return new DoubleSummary(stats.getMin(), stats.getMax(), stats.getAverage());
        }
    }
}
