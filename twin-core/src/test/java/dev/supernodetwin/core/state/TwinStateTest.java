package dev.supernodetwin.core.state;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwinStateTest {

    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);
    private final TwinState state = new TwinState(layout, new StalenessPolicy(3.0, 2_000));
    private final FrameBuffer frame = new FrameBuffer(16);
    private final int gpu0 = topo.indexOf("tn/gpu0").orElseThrow();
    private final int gpu1 = topo.indexOf("tn/gpu1").orElseThrow();
    private final int temp0 = layout.sensor(gpu0, Metric.TEMP_C);
    private final int power0 = layout.sensor(gpu0, Metric.POWER_W);

    private void report(int device, long ts, int sensor, double value) {
        frame.begin(device, ts);
        frame.add(sensor, value);
        state.apply(frame);
    }

    @Test
    void keepsTheLastValueAndItsEventTime() {
        report(gpu0, 1_000, temp0, 61.5);
        report(gpu0, 2_000, temp0, 62.0);

        assertThat(state.value(temp0)).isEqualTo(62.0);
        assertThat(state.time(temp0)).isEqualTo(2_000);
        assertThat(state.watermark()).isEqualTo(2_000);
        assertThat(state.samplesApplied()).isEqualTo(2);
    }

    @Test
    void aSnapshotCarriesTheEventTimeApartFromTheTimeItWasTaken() {
        assertThat(state.snapshot(0).watermark()).isEqualTo(Long.MIN_VALUE);
        report(gpu0, 4_000, temp0, 61.5);

        StateSnapshot s = state.snapshot(9_000);

        assertThat(s.watermark()).isEqualTo(4_000);
        assertThat(s.takenAt()).isEqualTo(9_000);
    }

    @Test
    void copiedFreshValuesMatchTheValuesReadOneByOne() {
        for (long t = 1_000; t <= 10_000; t += 1_000) {
            frame.begin(gpu0, t);
            frame.add(temp0, 60 + t / 1_000);
            if (t <= 3_000) {
                frame.add(power0, 900);
            }
            state.apply(frame);
        }
        StateSnapshot s = state.snapshot(10_000);
        float[] copy = new float[layout.sensorCount()];

        s.copyFreshValues(copy);

        for (int i = 0; i < copy.length; i++) {
            assertThat(Float.valueOf(copy[i])).as(layout.describe(i)).isEqualTo(Float.valueOf((float) s.freshValue(i)));
        }
        assertThat(copy[temp0]).isEqualTo(70f);
        assertThat(copy[power0]).isNaN();
    }

    @Test
    void aLateSampleDoesNotMoveASensorBackInTime() {
        report(gpu0, 5_000, temp0, 70.0);
        report(gpu0, 4_000, temp0, 50.0);

        assertThat(state.value(temp0)).isEqualTo(70.0);
        assertThat(state.time(temp0)).isEqualTo(5_000);
    }

    @Test
    void aSensorThatStopsReportingTurnsStaleWhileItsDeviceKeepsReporting() {
        // the device reports every second; power stops after t=3 s, temperature carries on
        for (long t = 1_000; t <= 10_000; t += 1_000) {
            frame.begin(gpu0, t);
            frame.add(temp0, 60);
            if (t <= 3_000) {
                frame.add(power0, 900);
            }
            state.apply(frame);
        }

        assertThat(state.freshness(temp0, 10_000)).isEqualTo(Freshness.FRESH);
        assertThat(state.freshness(power0, 10_000)).isEqualTo(Freshness.STALE);
        assertThat(state.freshness(layout.sensor(gpu1, Metric.TEMP_C), 10_000)).isEqualTo(Freshness.MISSING);
    }

    @Test
    void stalenessFollowsEachDevicesOwnCadence() {
        // gpu1 reports every 10 s: 15 s of silence is normal for it, but not for gpu0 at 1 s
        int temp1 = layout.sensor(gpu1, Metric.TEMP_C);
        for (long t = 0; t <= 30_000; t += 10_000) {
            report(gpu1, t, temp1, 55);
        }
        for (long t = 26_000; t <= 30_000; t += 1_000) {
            report(gpu0, t, temp0, 60);
        }

        assertThat(state.freshness(temp1, 45_000)).isEqualTo(Freshness.FRESH);
        assertThat(state.freshness(temp0, 45_000)).isEqualTo(Freshness.STALE);
    }

    @Test
    void aSnapshotIsAConsistentCopyThatHidesStaleValues() {
        report(gpu0, 1_000, temp0, 60);
        StateSnapshot snap = state.snapshot(1_500);
        report(gpu0, 2_000, temp0, 99);

        assertThat(snap.value(temp0)).isEqualTo(60);
        assertThat(snap.freshValue(temp0)).isEqualTo(60);
        assertThat(state.snapshot(60_000).freshValue(temp0)).isNaN();
        assertThat(state.snapshot(60_000).value(temp0)).isEqualTo(99);
    }
}
