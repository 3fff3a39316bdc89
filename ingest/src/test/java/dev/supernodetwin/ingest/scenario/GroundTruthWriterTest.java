package dev.supernodetwin.ingest.scenario;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.GroundTruth;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class GroundTruthWriterTest {

    @Test
    void writesOneJsonObjectPerFaultWithNullsForAbsentTimes() {
        GroundTruth truth = new GroundTruth(FaultType.F3, "tn/els0#0", 1_000, OptionalLong.empty(), OptionalLong.of(1_000),
                "tn/els0#0", List.of("tn/gpu0/oe0#0", "tn/sw/oe0#0"), false);
        assertThat(new GroundTruthWriter().line(truth)).isEqualTo("{\"fault\":\"F3\",\"slug\":\"els-sudden-failure\","
                + "\"target\":\"tn/els0#0\",\"onset\":1000,\"end\":null,\"failure\":1000,\"rootCause\":\"tn/els0#0\","
                + "\"affected\":[\"tn/gpu0/oe0#0\",\"tn/sw/oe0#0\"],\"negative\":false}");
    }

    @Test
    void groundTruthOfASimulationRoundTripsThroughNdjson(@TempDir Path dir) {
        Topology topo = Topology.of(TinyTopology.document());
        Scenario scenario = new Scenario(List.of(
                FaultSpec.of(FaultType.F3, "tn/els0#1", 60_000),
                FaultSpec.of(FaultType.F8, "tn/ocs1#2", 1_000),
                FaultSpec.of(FaultType.F9, "tn/gpu1", 5_000).withDuration(60_000),
                FaultSpec.of(FaultType.F17, "tn/sw/oe0#1 rx_dbm", 0).withMode("dropout")));
        Simulator sim = new Simulator(new SensorLayout(topo), SimulationSettings.everySecond(1, 1_700_000_000_000L), scenario);
        Path file = dir.resolve("truth.ndjson");
        new GroundTruthWriter().write(sim.groundTruth(), file);
        assertThat(file).content().hasLineCount(4);
        assertThat(new GroundTruthReader().read(file)).isEqualTo(sim.groundTruth());
        GroundTruth plate = sim.groundTruth().get(2);
        assertThat(plate.rootCause()).isEqualTo("tn/cp/gpu1");
        assertThat(plate.endMillis()).hasValue(1_700_000_065_000L);
        assertThat(sim.groundTruth().get(1).negative()).isTrue();
    }

    @Test
    void writesNothingForAHealthyRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.ndjson");
        new GroundTruthWriter().write(List.of(), file);
        assertThat(Files.size(file)).isZero();
    }
}
