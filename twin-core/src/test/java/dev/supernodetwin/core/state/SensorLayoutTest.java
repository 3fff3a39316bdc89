package dev.supernodetwin.core.state;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SensorLayoutTest {

    private final Topology topo = Topology.of(TinyTopology.document());
    private final SensorLayout layout = new SensorLayout(topo);

    @Test
    void numbersEveryMetricAndLaneMetricOnceAndMapsBack() {
        Set<Integer> seen = new HashSet<>();
        for (Device d : topo.devices()) {
            for (Metric m : d.kind().deviceMetrics()) {
                int s = layout.sensor(d.index(), m);
                assertThat(seen.add(s)).isTrue();
                assertThat(layout.deviceOf(s)).isEqualTo(d.index());
                assertThat(layout.metricOf(s)).isEqualTo(m);
                assertThat(layout.laneOf(s)).isEqualTo(-1);
            }
            for (int lane = 0; lane < d.laneCount(); lane++) {
                for (Metric m : d.kind().laneMetrics()) {
                    int s = layout.laneSensor(d.index(), lane, m);
                    assertThat(seen.add(s)).isTrue();
                    assertThat(layout.deviceOf(s)).isEqualTo(d.index());
                    assertThat(layout.laneOf(s)).isEqualTo(lane);
                    assertThat(layout.metricOf(s)).isEqualTo(m);
                }
            }
        }
        assertThat(seen).hasSize(layout.sensorCount());
    }

    @Test
    void metricsAKindDoesNotReportHaveNoSensor() {
        int gpu = topo.indexOf("tn/gpu0").orElseThrow();
        int oe = topo.indexOf("tn/gpu0/oe0").orElseThrow();
        assertThat(layout.sensor(gpu, Metric.RX_DBM)).isEqualTo(-1);
        assertThat(layout.laneSensor(oe, 8, Metric.RX_DBM)).isEqualTo(-1);
        assertThat(layout.describe(layout.laneSensor(oe, 3, Metric.RX_DBM))).isEqualTo("tn/gpu0/oe0#3 rx_dbm");
    }
}
