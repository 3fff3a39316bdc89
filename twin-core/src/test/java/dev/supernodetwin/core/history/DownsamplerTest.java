package dev.supernodetwin.core.history;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DownsamplerTest {
    private static final long T0 = 1_763_924_400_000L; // a multiple of 10 s
    private static final long WINDOW = 10_000;
    private static final long GRACE = 2_000;

    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);
    private final int gpu = topo.indexOf("tn/gpu0").orElseThrow();
    private final int oe = topo.indexOf("tn/gpu0/oe0").orElseThrow();
    private final int temp = layout.sensor(gpu, Metric.TEMP_C);
    private final int power = layout.sensor(gpu, Metric.POWER_W);
    private final int ecc = layout.sensor(gpu, Metric.ECC_DBE_TOTAL);
    private final int xid = layout.sensor(gpu, Metric.XID);
    private final int rx3 = layout.laneSensor(oe, 3, Metric.RX_DBM);
    private final int los3 = layout.laneSensor(oe, 3, Metric.LOS);

    private final List<WindowAggregate> aggregates = new ArrayList<>();
    private final List<StateChange> changes = new ArrayList<>();
    private final Downsampler downsampler = new Downsampler(layout, WINDOW, GRACE, new HistoryOutput() {
        @Override
        public void aggregate(WindowAggregate aggregate) {
            aggregates.add(aggregate);
        }

        @Override
        public void stateChange(StateChange change) {
            changes.add(change);
        }
    });
    private final FrameBuffer frame = new FrameBuffer(8);

    private void send(int device, long ts, int[] sensors, double... values) {
        frame.begin(device, ts);
        for (int i = 0; i < sensors.length; i++) {
            frame.add(sensors[i], values[i]);
        }
        downsampler.onFrame(frame);
    }

    private void gpu(long ts, double temp, double power) {
        send(gpu, ts, new int[] {this.temp, this.power}, temp, power);
    }

    private MetricStats stats(WindowAggregate a, Metric m) {
        return a.metrics().stream().filter(s -> s.metric() == m).findFirst().orElseThrow();
    }

    @Test
    void summarisesEachGaugeByMinMaxAndMeanPerWindow() {
        gpu(T0, 60, 500);
        gpu(T0 + 3_000, 66, 700);
        gpu(T0 + 9_999, 63, 600);
        gpu(T0 + 12_000, 70, 800); // watermark reaches window end + grace

        assertThat(aggregates).hasSize(1);
        WindowAggregate a = aggregates.get(0);
        assertThat(a.windowStart()).isEqualTo(T0);
        assertThat(a.device()).isEqualTo(gpu);
        assertThat(a.lane()).isEqualTo(-1);
        assertThat(stats(a, Metric.TEMP_C)).satisfies(s -> {
            assertThat(s.count()).isEqualTo(3);
            assertThat(s.min()).isEqualTo(60);
            assertThat(s.max()).isEqualTo(66);
            assertThat(s.mean()).isCloseTo(63, within(1e-9));
        });
        assertThat(stats(a, Metric.POWER_W).mean()).isCloseTo(600, within(1e-9));
    }

    @Test
    void keepsAWindowOpenUntilTheWatermarkPassesItsEndPlusTheGrace() {
        gpu(T0 + 1_000, 60, 500);
        gpu(T0 + 11_999, 61, 500);
        assertThat(aggregates).isEmpty();

        gpu(T0 + 9_000, 62, 500); // within the grace: still counted in the first window
        gpu(T0 + 12_000, 61, 500);

        assertThat(aggregates).singleElement().satisfies(a -> {
            assertThat(a.windowStart()).isEqualTo(T0);
            assertThat(stats(a, Metric.TEMP_C).count()).isEqualTo(2);
            assertThat(stats(a, Metric.TEMP_C).max()).isEqualTo(62);
        });
        assertThat(downsampler.lateSamples()).isZero();
    }

    @Test
    void windowsAreAlignedToTheEpoch() {
        gpu(T0 + 7_000, 60, 500);
        gpu(T0 + 13_000, 61, 500);
        gpu(T0 + 25_000, 62, 500);

        assertThat(aggregates).extracting(WindowAggregate::windowStart).containsExactly(T0, T0 + WINDOW);
    }

    @Test
    void summarisesACounterByItsLastValue() {
        send(gpu, T0, new int[] {ecc}, 5);
        send(gpu, T0 + 4_000, new int[] {ecc}, 9);
        send(gpu, T0 + 8_000, new int[] {ecc}, 12);
        downsampler.onIdle();

        MetricStats s = stats(aggregates.get(0), Metric.ECC_DBE_TOTAL);
        assertThat(s.last()).isEqualTo(12);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.mean()).isNaN();
    }

    @Test
    void emitsOneAggregatePerLaneThatReported() {
        send(oe, T0, new int[] {rx3}, -3.5);
        send(oe, T0 + 1_000, new int[] {rx3}, -4.5);
        downsampler.onIdle();

        assertThat(aggregates).singleElement().satisfies(a -> {
            assertThat(a.device()).isEqualTo(oe);
            assertThat(a.lane()).isEqualTo(3);
            assertThat(a.metrics()).extracting(MetricStats::metric).containsExactly(Metric.RX_DBM);
            assertThat(stats(a, Metric.RX_DBM).mean()).isEqualTo(-4.0);
        });
    }

    @Test
    void emitsStateOnlyWhenItChangesAndNeverAggregatesIt() {
        send(gpu, T0, new int[] {xid}, 0);
        send(gpu, T0 + 1_000, new int[] {xid}, 0);
        send(gpu, T0 + 2_000, new int[] {xid}, 79);
        send(gpu, T0 + 3_000, new int[] {xid}, 79);
        send(gpu, T0 + 4_000, new int[] {xid}, 0);
        send(oe, T0 + 4_500, new int[] {los3}, 1);
        downsampler.onIdle();

        assertThat(changes).containsExactly(
                new StateChange(T0, gpu, -1, Metric.XID, 0),
                new StateChange(T0 + 2_000, gpu, -1, Metric.XID, 79),
                new StateChange(T0 + 4_000, gpu, -1, Metric.XID, 0),
                new StateChange(T0 + 4_500, oe, 3, Metric.LOS, 1));
        assertThat(aggregates).isEmpty();
    }

    @Test
    void flushesTheOpenWindowsOldestFirstWhenIdle() {
        gpu(T0 + 5_000, 60, 500);
        gpu(T0 + 11_000, 61, 500); // first window still within its grace
        assertThat(aggregates).isEmpty();

        downsampler.onIdle();

        assertThat(aggregates).extracting(WindowAggregate::windowStart).containsExactly(T0, T0 + WINDOW);
        downsampler.onIdle();
        assertThat(aggregates).hasSize(2);
    }

    @Test
    void countsSamplesForAnEmittedWindowAsLateAndLeavesTheAggregateAlone() {
        gpu(T0 + 1_000, 60, 500);
        gpu(T0 + 12_000, 61, 500);
        gpu(T0 + 9_000, 99, 900); // its window was emitted at T0 + 12 s
        send(gpu, T0 + 9_500, new int[] {xid}, 13); // state is never late
        downsampler.onIdle();

        assertThat(downsampler.lateSamples()).isEqualTo(2);
        assertThat(aggregates).extracting(a -> stats(a, Metric.TEMP_C).max()).containsExactly(60.0, 61.0);
        assertThat(changes).containsExactly(new StateChange(T0 + 9_500, gpu, -1, Metric.XID, 13));
    }

    @Test
    void samplesAfterAnIdleFlushOfTheirWindowAreLate() {
        gpu(T0 + 1_000, 60, 500);
        downsampler.onIdle();
        gpu(T0 + 2_000, 61, 500);

        assertThat(downsampler.lateSamples()).isEqualTo(2);
        assertThat(aggregates).hasSize(1);
    }

    @Test
    void aGapInTheStreamClosesEveryWindowBeforeIt() {
        gpu(T0 + 1_000, 60, 500);
        gpu(T0 + 11_000, 61, 500);
        gpu(T0 + 600_000, 62, 500);

        assertThat(aggregates).extracting(WindowAggregate::windowStart).containsExactly(T0, T0 + WINDOW);
    }

    @Test
    void holdsAFewDozenBytesPerSensorInPrimitiveArrays() {
        assertThat(downsampler.bytesPerSensor()).isLessThanOrEqualTo(72);
    }

    @Test
    void rejectsAGraceThatIsNotShorterThanTheWindow() {
        HistoryOutput ignore = new HistoryOutput() {
            @Override
            public void aggregate(WindowAggregate aggregate) {
            }

            @Override
            public void stateChange(StateChange change) {
            }
        };
        assertThatThrownBy(() -> new Downsampler(layout, 10_000, 10_000, ignore))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lateness");
        assertThatThrownBy(() -> new Downsampler(layout, 0, 0, ignore))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }
}
