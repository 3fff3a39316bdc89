package dev.supernodetwin.ingest.history;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxHistorySinkTest {
    private static final long T0 = 1_763_924_400_000L;

    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);
    private final int oe = topo.indexOf("tn/gpu0/oe0").orElseThrow();
    private final int gpu = topo.indexOf("tn/gpu0").orElseThrow();
    private final FakeStore store = new FakeStore();
    private final FrameBuffer frame = new FrameBuffer(8);

    @Test
    void writesAggregatesAndStateChangesInTheHistorySchema() {
        InfluxHistorySink sink = InfluxHistorySink.start(layout, HistorySettings.defaults(), store);
        for (int t = 0; t < 3; t++) {
            frame.begin(oe, T0 + t * 1_000L);
            frame.add(layout.laneSensor(oe, 2, Metric.RX_DBM), -3.0 - t);
            frame.add(layout.laneSensor(oe, 2, Metric.FERC_TOTAL), 10 + t);
            frame.add(layout.laneSensor(oe, 2, Metric.LINK_UP), 1);
            sink.onFrame(frame);
        }
        frame.begin(gpu, T0 + 500);
        frame.add(layout.sensor(gpu, Metric.TEMP_C), 61.5);
        sink.onFrame(frame);
        sink.close(Duration.ofSeconds(10));

        assertThat(store.lines()).containsExactlyInAnyOrder(
                "telemetry,device=tn/gpu0,kind=gpu,supernode=tn temp_c_max=61.5,temp_c_mean=61.5,temp_c_min=61.5 "
                        + T0,
                "telemetry,device=tn/gpu0/oe0,kind=oe,lane=2,supernode=tn ferc_total=12.0,rx_dbm_max=-3.0,"
                        + "rx_dbm_mean=-4.0,rx_dbm_min=-5.0 " + T0,
                "telemetry_state,device=tn/gpu0/oe0,kind=oe,lane=2,metric=link_up,supernode=tn value=1.0 " + T0);
        assertThat(sink.stats().pointsWritten()).isEqualTo(3);
        assertThat(sink.stats().pointsDropped()).isZero();
    }
}
