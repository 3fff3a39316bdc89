package dev.supernodetwin.ingest.evaluate;

import dev.supernodetwin.core.evaluate.CaseScore;
import dev.supernodetwin.core.evaluate.EvaluationCase;
import dev.supernodetwin.core.evaluate.FaultScore;
import dev.supernodetwin.core.evaluate.MatchWindow;
import dev.supernodetwin.core.evaluate.Scorer;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationFilesTest {
    static final String TRUTH = """
            {"fault":"F3","target":"sn01/t01/els0#0","onset":1767225720000,"end":null,"failure":1767225720000,\
            "rootCause":"sn01/t01/els0#0","affected":["sn01/t01/gpu0/oe0#0","sn01/t01/gpu0/oe0#1"],"negative":false}
            {"fault":"F17","target":"sn01/t06/gpu1 temp_c","onset":1767225780000,"end":1767226080000,"failure":null,\
            "rootCause":"sn01/t06/gpu1","affected":["sn01/t06/gpu1"],"negative":true}
            """;
    static final String ALERTS = """
            {"id":"a-1","ts":1767225721000,"state":"firing","kind":"anomaly","severity":"alarm","category":"optical",\
            "rule":"optical.rx_power.low","device":"sn01/t01/els0","lane":0,"rootCause":{"device":"sn01/t01/els0",\
            "lane":0,"reason":"4 lanes lost light together"},"affected":["sn01/t01/gpu0/oe0#0"],"eta":null,"summary":"x"}

            {"id":"a-2","ts":1767225790000,"state":"firing","kind":"anomaly","severity":"warning","category":"sensor",\
            "rule":"sensor.stuck","device":"sn01/t06/gpu1","rootCause":{"device":"sn01/t06/gpu1","reason":"flat"},\
            "affected":[],"eta":null,"summary":"x"}
            {"id":"a-1","ts":1767225800000,"state":"resolved","kind":"anomaly","severity":"alarm","category":"optical",\
            "rule":"optical.rx_power.low","device":"sn01/t01/els0","lane":0,"rootCause":{"device":"sn01/t01/els0",\
            "lane":0,"reason":"4 lanes lost light together"},"affected":["sn01/t01/gpu0/oe0#0"],"eta":null,"summary":"x"}
            """;

    @Test
    void scoresHandWrittenTruthAndAlertFiles(@TempDir Path dir) throws IOException {
        Path truth = Files.writeString(dir.resolve("run.truth.ndjson"), TRUTH);
        Path alerts = Files.writeString(dir.resolve("alerts.ndjson"), ALERTS);
        SuiteCase c = new SuiteCase("hand", dir.resolve("x.yaml"), "cpo-72", 600_000, 1_000, 1);
        Topology topo = Topology.of(Presets.expand("cpo-72", "sn01"));
        EvaluationCase loaded = EvaluationFiles.load(c, topo, truth, alerts);
        assertThat(loaded.devices()).isEqualTo(topo.deviceCount());
        assertThat(loaded.alerts()).hasSize(3);

        CaseScore score = new Scorer(MatchWindow.defaults()).score(loaded);
        FaultScore laser = score.faults().get(0);
        assertThat(laser.latencyMillis()).hasValue(1_000);
        assertThat(laser.rootCauseCorrect()).contains(true);
        assertThat(laser.alerts()).isEqualTo(1);
        FaultScore sensor = score.faults().get(1);
        assertThat(sensor.alerts()).isEqualTo(1);
        assertThat(sensor.hardwareAlerts()).isZero();
        assertThat(score.falseAlarms()).isEmpty();
    }

    @Test
    void aLineThatIsNotAnAlertIsReportedWithItsNumber(@TempDir Path dir) throws IOException {
        Path alerts = Files.writeString(dir.resolve("alerts.ndjson"), "\n{\"id\":\"a-1\"}\n");
        assertThatThrownBy(() -> EvaluationFiles.readAlerts(alerts)).hasMessageContaining("alerts.ndjson:2:");
    }
}
