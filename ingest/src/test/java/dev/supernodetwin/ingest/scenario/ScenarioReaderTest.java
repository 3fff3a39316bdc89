package dev.supernodetwin.ingest.scenario;

import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioReaderTest {
    private final ScenarioReader reader = new ScenarioReader();

    @Test
    void readsYamlWithCodesSlugsDurationsAndOptionalParts() {
        String yaml = """
                seed: 42
                faults:
                  - fault: F3
                    target: sn01/t01/els0#0
                    onset: 10m
                  - fault: sensor-fault
                    target: sn01/t01/gpu0 temp_c
                    onset: 1500
                    duration: 30s
                    mode: stuck
                  - fault: f4
                    target: sn01/t02/els0#1
                    onset: 2h
                    magnitude: 2.5
                """;
        ScenarioDocument doc = reader.parse(yaml, true, "test.yaml");
        assertThat(doc.seed()).hasValue(42);
        List<FaultSpec> faults = doc.scenario().faults();
        assertThat(faults).hasSize(3);
        assertThat(faults.get(0)).isEqualTo(FaultSpec.of(FaultType.F3, "sn01/t01/els0#0", 600_000));
        assertThat(faults.get(1)).isEqualTo(FaultSpec.of(FaultType.F17, "sn01/t01/gpu0 temp_c", 1_500)
                .withDuration(30_000).withMode("stuck"));
        assertThat(faults.get(2)).isEqualTo(FaultSpec.of(FaultType.F4, "sn01/t02/els0#1", 7_200_000).withMagnitude(2.5));
    }

    @Test
    void readsTheSameScenarioFromJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"faults\":[{\"fault\":\"F10\",\"target\":\"sn01/cdu1\",\"onset\":\"30s\"}]}");
        ScenarioDocument doc = reader.read(file);
        assertThat(doc.seed()).isEmpty();
        assertThat(doc.scenario().faults()).containsExactly(FaultSpec.of(FaultType.F10, "sn01/cdu1", 30_000));
    }

    @Test
    void collectsEveryProblemWithItsPath() {
        String yaml = """
                seed: forty-two
                colour: blue
                faults:
                  - fault: F99
                    target: x
                    onset: soon
                  - target: ""
                    onset: 5m
                    magnitude: big
                  - fault: F3
                    target: sn01/t01/els0#0
                    onset: 1m
                    durtion: 5m
                """;
        assertThatThrownBy(() -> reader.parse(yaml, true, "bad.yaml"))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems()).containsExactly(
                        "colour: unknown key; expected one of faults, seed",
                        "seed: must be an integer, was \"forty-two\"",
                        "faults[0].fault: unknown fault 'F99'; use a code F1..F19 or its slug",
                        "faults[0].onset: 'soon' is not a duration; write e.g. 500ms, 30s, 10m, 2h, 1d or a number of ms",
                        "faults[1].fault: missing",
                        "faults[1].target: must be a non-empty string, was \"\"",
                        "faults[1].magnitude: must be a number, was \"big\"",
                        "faults[2].durtion: unknown key; expected one of duration, fault, magnitude, mode, onset, target"));
    }

    @Test
    void malformedTextIsOneProblemNotACrash() {
        assertThatThrownBy(() -> reader.parse("{faults: [", false, "x.json"))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void everyExampleScenarioFitsItsPreset() throws IOException {
        Path dir = Path.of("..", "scenarios");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString().split("-")[0])
                .contains("cpo", "npo", "oio");
        for (Path file : files) {
            String preset = Presets.names().stream().filter(n -> file.getFileName().toString().startsWith(n))
                    .findFirst().orElseThrow(() -> new AssertionError(file + " names no preset"));
            Scenario scenario = reader.read(file).scenario();
            assertThat(scenario.faults()).as(file.toString()).isNotEmpty();
            assertThat(Scenario.validate(scenario, Topology.of(Presets.expand(preset, "sn01")))).as(file.toString()).isEmpty();
        }
    }
}
