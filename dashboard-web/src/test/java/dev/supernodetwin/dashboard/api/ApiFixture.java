package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.state.TwinState;
import dev.supernodetwin.core.topology.Topology;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The tiny test supernode with a twin state, a snapshot board, a recent history and an alert board to fill. */
final class ApiFixture {
    final Topology topo = Topology.of(TinyTopology.document());
    final SensorLayout layout = new SensorLayout(topo);
    final TwinState state = new TwinState(layout, new StalenessPolicy(3.0, 2_000));
    final SnapshotBoard board = new SnapshotBoard();
    final RecentHistory history = new RecentHistory(layout.sensorCount(), 1_000, 60_000, 1L << 20);
    final AlertBoard alerts = new AlertBoard();
    private final FrameBuffer frame = new FrameBuffer(64);

    /** Reports a device metric, publishes a snapshot at {@code ts} and records it. */
    void report(String device, Metric metric, long ts, double value) {
        int d = topo.indexOf(device).orElseThrow();
        frame.begin(d, ts);
        frame.add(layout.sensor(d, metric), value);
        apply(ts);
    }

    /** Reports a lane metric, publishes and records. */
    void reportLane(String device, int lane, Metric metric, long ts, double value) {
        int d = topo.indexOf(device).orElseThrow();
        frame.begin(d, ts);
        frame.add(layout.laneSensor(d, lane, metric), value);
        apply(ts);
    }

    private void apply(long ts) {
        state.apply(frame);
        board.publish(state.snapshot(ts));
        history.record(state.watermark(), state.snapshot(ts));
    }

    /** A firing alert about {@code device}, optionally a prediction with {@code eta}. */
    static AlertEvent firing(String id, String device, List<String> affected, OptionalLong eta) {
        return new AlertEvent(id, 1_000, "tn", AlertEvent.State.FIRING,
                eta.isPresent() ? AlertEvent.Kind.PREDICTION : AlertEvent.Kind.ANOMALY, AlertEvent.Severity.ALARM,
                AlertEvent.Category.OPTICAL, "O-R1", device, OptionalInt.empty(),
                new AlertEvent.RootCause(device, OptionalInt.empty(), "test"), affected, eta, "test alert");
    }
}
