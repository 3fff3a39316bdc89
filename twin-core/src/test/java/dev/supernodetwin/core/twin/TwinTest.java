package dev.supernodetwin.core.twin;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StalenessPolicy;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TwinTest {

    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);
    private final Twin twin = new Twin(layout, StalenessPolicy.DEFAULT);
    private final FrameBuffer frame = new FrameBuffer(8);
    private final int gpu = topo.indexOf("tn/gpu0").orElseThrow();
    private final int temp = layout.sensor(gpu, Metric.TEMP_C);

    private Twin.Outcome send(long ts, long seq, double value) {
        frame.begin(gpu, ts);
        if (seq >= 0) {
            frame.seq(seq);
        }
        frame.add(temp, value);
        return twin.apply(frame);
    }

    @Test
    void aRedeliveredFrameIsNotAppliedTwice() {
        assertThat(send(1_000, 1, 60)).isEqualTo(Twin.Outcome.APPLIED);
        assertThat(send(2_000, 2, 61)).isEqualTo(Twin.Outcome.APPLIED);
        assertThat(send(1_000, 1, 60)).isEqualTo(Twin.Outcome.DUPLICATE);
        assertThat(send(2_000, 2, 61)).isEqualTo(Twin.Outcome.DUPLICATE);

        assertThat(twin.applied()).isEqualTo(2);
        assertThat(twin.duplicates()).isEqualTo(2);
        assertThat(twin.state().value(temp)).isEqualTo(61);
    }

    @Test
    void framesWithoutSequenceAreRecognisedByTheirTime() {
        assertThat(send(1_000, -1, 60)).isEqualTo(Twin.Outcome.APPLIED);
        assertThat(send(1_000, -1, 60)).isEqualTo(Twin.Outcome.DUPLICATE);
        assertThat(send(1_500, -1, 62)).isEqualTo(Twin.Outcome.APPLIED);
    }

    @Test
    void aDeviceThatRebootsAndRestartsItsSequenceKeepsFlowing() {
        send(1_000, 500, 60);
        assertThat(send(2_000, 0, 61)).isEqualTo(Twin.Outcome.APPLIED);
        assertThat(send(3_000, 1, 62)).isEqualTo(Twin.Outcome.APPLIED);
        assertThat(send(2_000, 0, 61)).isEqualTo(Twin.Outcome.DUPLICATE);
    }

    @Test
    void rebuildFillsStateAndDuplicateMemoryWithoutCountingOrTellingListeners() {
        List<Long> heard = new ArrayList<>();
        twin.addListener(f -> heard.add(f.timestamp()));
        frame.begin(gpu, 1_000);
        frame.seq(1);
        frame.add(temp, 60);
        twin.rebuild(frame);

        assertThat(twin.state().value(temp)).isEqualTo(60);
        assertThat(twin.applied()).isZero();
        assertThat(heard).isEmpty();
        assertThat(send(1_000, 1, 60)).isEqualTo(Twin.Outcome.DUPLICATE);
        assertThat(send(2_000, 2, 61)).isEqualTo(Twin.Outcome.APPLIED);
        assertThat(heard).containsExactly(2_000L);
    }
}
