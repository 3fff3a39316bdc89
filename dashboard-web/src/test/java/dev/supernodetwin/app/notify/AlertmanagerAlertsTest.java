package dev.supernodetwin.app.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import dev.supernodetwin.core.alert.AlertEvent.State;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.IntStream;

import static dev.supernodetwin.app.notify.Fakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerAlertsTest {
    private final AlertmanagerAlerts alerts = new AlertmanagerAlerts(URI.create("http://twin.example:8080"));

    @Test
    void labelsIdentifyTheAlertAndAnnotationsDescribeIt() throws Exception {
        AlertEvent e = Fakes.laser("a-000123", T0 + 5_000, State.FIRING);

        JsonNode body = new ObjectMapper().readTree(AlertmanagerAlerts.body(List.of(alerts.of(e, T0, T0 + 240_000))));

        JsonNode alert = body.get(0);
        assertThat(body.size()).isEqualTo(1);
        assertThat(alert.get("labels").toString()).isEqualTo("{\"alertname\":\"optical.laser\",\"severity\":\"critical\","
                + "\"category\":\"optical\",\"kind\":\"anomaly\",\"supernode\":\"sn01\",\"device\":\"sn01/t01/els0\","
                + "\"root_cause\":\"sn01/t01/els0#0\",\"alert_id\":\"a-000123\"}");
        assertThat(alert.get("annotations").get("summary").asText()).isEqualTo(e.summary());
        assertThat(alert.get("annotations").get("reason").asText()).isEqualTo("laser emits no light");
        assertThat(alert.get("annotations").get("affected").asText())
                .isEqualTo("sn01/t01/gpu0/oe0#0, sn01/t01/gpu0/oe0#1");
        assertThat(alert.get("annotations").get("affected_count").asText()).isEqualTo("2");
        assertThat(alert.get("annotations").has("eta")).isFalse();
        assertThat(alert.get("startsAt").asText()).isEqualTo("2025-11-23T19:00:00Z");
        assertThat(alert.get("endsAt").asText()).isEqualTo("2025-11-23T19:04:00Z");
        assertThat(alert.get("generatorURL").asText()).isEqualTo("http://twin.example:8080/?sn=sn01#/alerts?id=a-000123");
    }

    @Test
    void aDeviceRootCauseHasNoLaneAndTheIdIsUrlEncoded() {
        AlertEvent e = new AlertEvent("a 1/2", T0, null, State.FIRING, Kind.ANOMALY, Severity.WARNING, Category.GPU,
                "gpu.temp", "sn01/t01/gpu0", OptionalInt.empty(),
                new AlertEvent.RootCause("sn01/t01/gpu0", OptionalInt.empty(), "hot"), List.of(), OptionalLong.empty(),
                null);

        AlertmanagerAlerts.Posted p = alerts.of(e, T0, T0);

        assertThat(p.labels()).containsEntry("root_cause", "sn01/t01/gpu0").doesNotContainKey("supernode");
        assertThat(p.annotations()).doesNotContainKey("summary").containsEntry("affected", "")
                .containsEntry("affected_count", "0");
        assertThat(p.generatorUrl()).isEqualTo("http://twin.example:8080/#/alerts?id=a+1%2F2");
    }

    @Test
    void namesAtMostFiftyAffectedAndCountsTheRest() {
        List<String> many = IntStream.range(0, 53).mapToObj(i -> "sn01/t01/gpu0/oe0#" + i).toList();

        String affected = AlertmanagerAlerts.affected(many);

        assertThat(affected).startsWith("sn01/t01/gpu0/oe0#0, sn01/t01/gpu0/oe0#1, ")
                .endsWith("sn01/t01/gpu0/oe0#49 … and 3 more").doesNotContain("oe0#50");
        assertThat(AlertmanagerAlerts.affected(many.subList(0, 50))).endsWith("oe0#49");
    }

    @Test
    void aPredictionCarriesItsEtaInRfc3339() {
        AlertEvent e = new AlertEvent("p-1", T0, "sn01", State.FIRING, Kind.PREDICTION, Severity.WARNING,
                Category.OPTICAL, "optical.laser.ageing", "sn01/t01/els0", OptionalInt.of(2),
                new AlertEvent.RootCause("sn01/t01/els0", OptionalInt.of(2), "output falling"), List.of(),
                OptionalLong.of(T0 + 86_400_123L), "Laser will fail");

        assertThat(alerts.of(e, T0, T0).annotations()).containsEntry("eta", "2025-11-24T19:00:00.123Z");
        assertThat(alerts.of(e, T0, T0).labels()).containsEntry("kind", "prediction");
    }
}
