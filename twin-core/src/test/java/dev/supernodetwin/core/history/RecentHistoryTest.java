package dev.supernodetwin.core.history;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentHistoryTest {
    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);
    private final TwinState state = new TwinState(layout, new StalenessPolicy(3.0, 2_000));
    private final FrameBuffer frame = new FrameBuffer(16);
    private final int gpu0 = topo.indexOf("tn/gpu0").orElseThrow();
    private final int temp0 = layout.sensor(gpu0, Metric.TEMP_C);
    private final int power0 = layout.sensor(gpu0, Metric.POWER_W);

    private void report(long ts, double temp) {
        frame.begin(gpu0, ts);
        frame.add(temp0, temp);
        state.apply(frame);
    }

    /** Reports {@code temp} at {@code ts} and records the published snapshot at that event time. */
    private boolean reportAndRecord(RecentHistory history, long ts, double temp) {
        report(ts, temp);
        return history.record(state.watermark(), state.snapshot(ts));
    }

    @Test
    void recordsOneColumnPerStepOfEventTime() {
        RecentHistory history = new RecentHistory(layout.sensorCount(), 1_000, 60_000, 1L << 20);

        assertThat(reportAndRecord(history, 1_000, 60)).isTrue();
        assertThat(reportAndRecord(history, 1_400, 61)).isFalse();
        assertThat(reportAndRecord(history, 2_100, 62)).isTrue();

        assertThat(history.latest()).hasValue(2_000);
        assertThat(history.query(temp0, 0, 9_999, 10_000)).extracting(RecentHistory.Point::time)
                .containsExactly(1_000L, 2_000L);
    }

    @Test
    void bucketsHoldTheMinMeanAndMaxOfTheirColumns() {
        RecentHistory history = new RecentHistory(layout.sensorCount(), 1_000, 60_000, 1L << 20);
        for (int i = 0; i < 10; i++) {
            reportAndRecord(history, 1_000L * (i + 1), 60 + i);
        }

        List<RecentHistory.Point> points = history.query(temp0, 1_000, 10_999, 2);

        assertThat(points).containsExactly(new RecentHistory.Point(1_000, 60, 62, 64),
                new RecentHistory.Point(6_000, 65, 67, 69));
    }

    @Test
    void neverAnswersMorePointsThanAskedFor() {
        RecentHistory history = new RecentHistory(layout.sensorCount(), 1_000, 60_000, 1L << 20);
        for (int i = 0; i < 50; i++) {
            reportAndRecord(history, 1_000L * (i + 1), 60);
        }

        assertThat(history.query(temp0, 0, 60_000, 7)).hasSizeLessThanOrEqualTo(7).isNotEmpty();
        assertThat(history.query(temp0, 0, 60_000, 1)).hasSize(1);
    }

    @Test
    void leavesOutValuesThatWereNotFresh() {
        RecentHistory history = new RecentHistory(layout.sensorCount(), 1_000, 60_000, 1L << 20);
        reportAndRecord(history, 1_000, 60);

        assertThat(history.query(power0, 0, 10_000, 10)).isEmpty();
        assertThat(history.query(temp0, 0, 10_000, 10)).hasSize(1);
    }

    @Test
    void theRingOverwritesItsOldestColumnWhenFull() {
        RecentHistory history = new RecentHistory(layout.sensorCount(), 1_000, 5_000, 1L << 20);
        for (int i = 1; i <= 8; i++) {
            reportAndRecord(history, 1_000L * i, i);
        }

        assertThat(history.capacity()).isEqualTo(5);
        assertThat(history.query(temp0, 0, 9_999, 10_000)).extracting(RecentHistory.Point::time)
                .containsExactlyInAnyOrder(4_000L, 5_000L, 6_000L, 7_000L, 8_000L);
    }

    @Test
    void theByteBudgetKeepsFewerColumnsThanTheWindowAsksFor() {
        long perColumn = 4L * layout.sensorCount() + RecentHistory.COLUMN_OVERHEAD_BYTES;

        RecentHistory history = new RecentHistory(layout.sensorCount(), 1_000, 900_000, perColumn * 3 + 1);

        assertThat(history.capacity()).isEqualTo(3);
        assertThatThrownBy(() -> new RecentHistory(layout.sensorCount(), 1_000, 900_000, perColumn))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer than two columns");
    }

    @Test
    void rejectsAnInvertedRange() {
        RecentHistory history = RecentHistory.withDefaults(layout.sensorCount());

        assertThatThrownBy(() -> history.query(temp0, 10, 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(history.latest()).isEmpty();
    }
}
