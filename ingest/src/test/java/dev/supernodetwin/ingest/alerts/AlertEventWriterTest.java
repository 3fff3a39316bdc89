package dev.supernodetwin.ingest.alerts;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.alert.AlertEvent.RootCause;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import dev.supernodetwin.core.alert.AlertEvent.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class AlertEventWriterTest {
    @TempDir
    Path dir;

    static final AlertEvent LASER = new AlertEvent("a-000123", 1_763_924_400_123L, "sn01", State.FIRING, Kind.ANOMALY,
            Severity.ALARM, Category.OPTICAL, "optical.rx_power.low", "sn01/sw1/els3", OptionalInt.of(0),
            new RootCause("sn01/sw1/els3", OptionalInt.of(0), "4 lanes fed by this laser lost 2.1 dB together"),
            List.of("sn01/t01/gpu0/oe0#0", "sn01/t01/gpu0/oe0#1"), OptionalLong.empty(),
            "Laser sn01/sw1/els3#0 output dropping; 4 links degraded");

    static final AlertEvent PREDICTION = new AlertEvent("a-000124", 1_763_924_401_000L, null, State.RESOLVED,
            Kind.PREDICTION, Severity.CRITICAL, Category.COOLING, "cooling.pump.wear", "sn01/cdu1", OptionalInt.empty(),
            new RootCause("sn01/cdu1", OptionalInt.empty(), "pump \"A\" draws 8% more\ncurrent"), List.of(),
            OptionalLong.of(1_764_000_000_000L), "Pump wear");

    @Test
    void writesOneLinePerEventWithKeysInWireOrder() throws Exception {
        Path file = dir.resolve("alerts.ndjson");
        try (AlertEventWriter w = AlertEventWriter.create(file)) {
            w.onAlert(LASER);
            w.onAlert(PREDICTION);
        }

        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"id\":\"a-000123\",\"ts\":1763924400123,\"supernode\":\"sn01\",\"state\":\"firing\","
                        + "\"kind\":\"anomaly\",\"severity\":\"alarm\",\"category\":\"optical\","
                        + "\"rule\":\"optical.rx_power.low\",\"device\":\"sn01/sw1/els3\",\"lane\":0,"
                        + "\"rootCause\":{\"device\":\"sn01/sw1/els3\",\"lane\":0,"
                        + "\"reason\":\"4 lanes fed by this laser lost 2.1 dB together\"},"
                        + "\"affected\":[\"sn01/t01/gpu0/oe0#0\",\"sn01/t01/gpu0/oe0#1\"],\"eta\":null,"
                        + "\"summary\":\"Laser sn01/sw1/els3#0 output dropping; 4 links degraded\"}",
                "{\"id\":\"a-000124\",\"ts\":1763924401000,\"supernode\":null,\"state\":\"resolved\","
                        + "\"kind\":\"prediction\",\"severity\":\"critical\",\"category\":\"cooling\","
                        + "\"rule\":\"cooling.pump.wear\",\"device\":\"sn01/cdu1\",\"lane\":null,"
                        + "\"rootCause\":{\"device\":\"sn01/cdu1\",\"lane\":null,"
                        + "\"reason\":\"pump \\\"A\\\" draws 8% more\\ncurrent\"},"
                        + "\"affected\":[],\"eta\":1764000000000,\"summary\":\"Pump wear\"}");
    }

    @Test
    void eventsReadBackEqualToWhatWasWritten() throws Exception {
        Path file = dir.resolve("alerts.ndjson");
        try (AlertEventWriter w = AlertEventWriter.create(file)) {
            w.onAlert(LASER);
            w.onAlert(PREDICTION);
        }

        List<String> lines = Files.readAllLines(file);

        assertThat(AlertEventReader.parse(lines.get(0))).isEqualTo(LASER);
        assertThat(AlertEventReader.parse(lines.get(1))).isEqualTo(PREDICTION);
    }

    @Test
    void createsAnEmptyFileWhenNoAlertIsRaised() throws Exception {
        Path file = dir.resolve("none.ndjson");
        try (AlertEventWriter w = AlertEventWriter.create(file)) {
            assertThat(w.written()).isZero();
        }
        assertThat(file).exists().isEmptyFile();
    }
}
