package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.dashboard.live.TopologyView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiJsonTest {
    private final ApiFixture f = new ApiFixture();

    @Test
    void topologyListsSwitchesOcsPortsCoolingAndThresholds() {
        JsonObject view = TopologyView.of(f.topo, RuleSet.defaults());

        assertThat(view.fieldNames()).containsExactly("supernode", "gpu", "switch", "oe", "laser", "ocsPort", "cdu",
                "coldplate", "leak", "thresholds", "counts");
        assertThat(view.getJsonArray("switch").getJsonObject(0).getString("coldplate")).isEqualTo("tn/cp/sw");
        assertThat(view.getJsonArray("gpu").getJsonObject(1).getString("coldplate")).isEqualTo("tn/cp/gpu1");
        assertThat(view.getJsonArray("coldplate").getJsonObject(0).getString("cools")).isEqualTo("tn/gpu0");
        JsonArray ports = view.getJsonArray("ocsPort");
        assertThat(ports).hasSize(32);
        assertThat(ports.getJsonObject(1).getString("crossConnect")).isEqualTo("tn/ocs1#0");
        assertThat(ports.getJsonObject(1).getInteger("links")).isEqualTo(1);
        JsonObject temp = view.getJsonObject("thresholds").getJsonObject("gpu.temp_c");
        assertThat(temp.getString("direction")).isEqualTo("above");
        assertThat(temp.getDouble("warning")).isLessThan(temp.getDouble("alarm"));
        assertThat(view.getJsonObject("thresholds").getJsonObject("oe.rx_dbm").getString("direction"))
                .isEqualTo("below");
    }

    @Test
    void aDeviceShowsFreshValuesAndGreysTheRest() {
        f.reportLane("tn/gpu0/oe0", 3, Metric.RX_DBM, 1_000, -4.1);
        // the engine goes on reporting its temperature every second; the lane stopped at 1 s
        for (long t = 2_000; t <= 20_000; t += 1_000) {
            f.report("tn/gpu0/oe0", Metric.TEMP_C, t, 61.2);
        }
        f.alerts.onAlert(ApiFixture.firing("A1", "tn/els0", List.of("tn/gpu0/oe0#3"), OptionalLong.empty()));
        f.alerts.onAlert(ApiFixture.firing("A2", "tn/gpu1", List.of(), OptionalLong.empty()));

        JsonObject d = DeviceJson.render(f.layout, f.board.latest().orElseThrow(), f.alerts.view().firing(),
                f.topo.indexOf("tn/gpu0/oe0").orElseThrow());

        assertThat(d.getString("host")).isEqualTo("tn/gpu0");
        JsonObject temp = sensor(d, "temp_c", null);
        assertThat(temp.getDouble("value")).isEqualTo(61.2);
        assertThat(temp.getString("freshness")).isEqualTo("fresh");
        JsonObject rx = sensor(d, "rx_dbm", 3);
        assertThat(rx.getString("freshness")).isEqualTo("stale");
        assertThat(rx.getValue("value")).isNull();
        assertThat(rx.getString("laser")).isEqualTo("tn/els0#0");
        assertThat(rx.getString("link")).isEqualTo("tn/gpu0/oe0#3~tn/sw/oe0#3");
        assertThat(sensor(d, "vcc_v", null).getString("freshness")).isEqualTo("missing");
        assertThat(d.getJsonArray("alerts")).hasSize(1);
        assertThat(d.getJsonArray("alerts").getJsonObject(0).getString("id")).isEqualTo("A1");
        assertThat(d.containsKey("engines")).isFalse();
    }

    private static JsonObject sensor(JsonObject device, String metric, Integer lane) {
        return device.getJsonArray("sensors").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("metric").equals(metric) && java.util.Objects.equals(s.getInteger("lane"), lane))
                .findFirst().orElseThrow();
    }

    @Test
    void laneArraysFollowEngineOrderThenLaneNumber() {
        f.reportLane("tn/gpu1/oe0", 2, Metric.RX_DBM, 1_000, -3.5);

        JsonArray values = DeviceResource.lanes(f.layout, f.board.latest().orElseThrow(), Metric.RX_DBM)
                .getJsonArray("values");

        assertThat(values).hasSize(32);
        assertThat(values.getDouble(8 + 2)).isEqualTo(-3.5);
        assertThat(values.getValue(2)).isNull();
    }

    @Test
    void aLasersBlastRadiusNamesItsLanesLinksAndBothEnds() {
        int laser = f.topo.lane("tn/els0#1").orElseThrow();

        JsonObject blast = OpticsJson.laser(f.topo, laser);

        assertThat(blast.getJsonArray("lanes")).containsExactly("tn/gpu0/oe0#4", "tn/gpu0/oe0#5", "tn/gpu0/oe0#6",
                "tn/gpu0/oe0#7");
        assertThat(blast.getJsonArray("links")).hasSize(4);
        assertThat(blast.getJsonArray("links").getJsonObject(0).getJsonArray("ports"))
                .containsExactly("tn/ocs1#8", "tn/ocs1#9");
        assertThat(blast.getJsonArray("gpus")).containsExactly("tn/gpu0", "tn/sw");
    }

    @Test
    void anOcsPortListsTheLinksThroughItsCrossConnect() {
        int port = f.topo.lane("tn/ocs1#5").orElseThrow();

        JsonObject o = OpticsJson.ocsPort(f.layout, f.board.latest(), port);

        assertThat(o.getString("crossConnect")).isEqualTo("tn/ocs1#4");
        assertThat(o.getJsonArray("lanes")).containsExactly("tn/gpu0/oe0#2", "tn/sw/oe0#2");
        assertThat(o.getBoolean("switching")).isFalse();
    }

    @Test
    void thresholdsOfOneSensorComeFromTheRulesForItsKindAndForm() {
        assertThat(RuleThresholds.of(RuleSet.defaults(), DeviceKind.GPU, java.util.Optional.empty(), Metric.TEMP_C))
                .isPresent();
        assertThat(RuleThresholds.of(RuleSet.defaults(), DeviceKind.GPU, java.util.Optional.empty(),
                Metric.SM_CLOCK_MHZ)).isEmpty();
    }

    @Test
    void anInjectedFaultIsReadLikeAScenarioEntryWithoutOnset() {
        var fault = DemoResource.parse(new JsonObject().put("fault", "F3").put("target", "tn/els0#0")
                .put("duration", "10m"));

        assertThat(fault.type()).isEqualTo(FaultType.F3);
        assertThat(fault.durationMillis()).hasValue(600_000);
        assertThatThrownBy(() -> DemoResource.parse(new JsonObject().put("fault", "F99").put("target", "x")
                .put("colour", "red")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("demo.bad-fault");
                    assertThat(p.getMessage()).contains("unknown fault 'F99'").contains("colour").doesNotContain("faults[");
                });
    }

    @Test
    void acksAreKeptOnlyForFiringAlerts() {
        AckBoard acks = new AckBoard();
        f.alerts.onAlert(ApiFixture.firing("A1", "tn/gpu0", List.of(), OptionalLong.empty()));

        assertThat(acks.ack(f.alerts.view(), "A1", "ana", 5)).isPresent();
        assertThat(acks.ack(f.alerts.view(), "A9", "ana", 5)).isEmpty();
        assertThat(acks.of(f.alerts.view())).containsOnlyKeys("A1");
    }
}
