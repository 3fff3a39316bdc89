package dev.supernodetwin.ingest.evaluate;

import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationSuiteTest {
    static final Path SUITE = Path.of("..", "evaluation", "suite.yaml");
    private final List<SuiteCase> cases = new SuiteReader().read(SUITE);

    @Test
    void everyCaseFitsItsPreset() {
        Map<String, Topology> topologies = new HashMap<>();
        for (SuiteCase c : cases) {
            Topology topo = topologies.computeIfAbsent(c.preset(), p -> Topology.of(Presets.expand(p, "sn01")));
            Scenario scenario = new ScenarioReader().read(c.scenario()).scenario();
            assertThat(Scenario.validate(scenario, topo)).as(c.name()).isEmpty();
            for (FaultSpec f : scenario.faults()) {
                assertThat(f.onsetMillis()).as(c.name() + " onset inside the run").isLessThan(c.durationMillis());
            }
        }
    }

    @Test
    void coversEveryFaultTypeOfTheIssueOnTwoPresetsOrTargets() {
        Set<FaultType> required = EnumSet.of(FaultType.F1, FaultType.F2, FaultType.F3, FaultType.F4, FaultType.F5,
                FaultType.F7, FaultType.F8, FaultType.F9, FaultType.F10, FaultType.F11, FaultType.F17, FaultType.F19);
        Map<FaultType, Set<String>> targets = new HashMap<>();
        for (SuiteCase c : cases) {
            for (FaultSpec f : new ScenarioReader().read(c.scenario()).scenario().faults()) {
                targets.computeIfAbsent(f.type(), t -> new java.util.HashSet<>()).add(c.preset() + " " + f.target());
            }
        }
        assertThat(targets.keySet()).containsAll(required);
        required.forEach(t -> assertThat(targets.get(t)).as(t.code()).hasSizeGreaterThanOrEqualTo(2));
        assertThat(cases).extracting(SuiteCase::preset).contains("cpo-72", "npo-256", "oio-1024");
        assertThat(cases.stream().filter(c -> c.name().startsWith("healthy"))
                .mapToLong(SuiteCase::durationMillis).sum()).isGreaterThanOrEqualTo(6 * 3_600_000L);
    }

    @Test
    void everyScenarioFileIsInTheSuite() throws IOException {
        Set<Path> listed = cases.stream().map(c -> c.scenario().toAbsolutePath().normalize()).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(SUITE.resolveSibling("scenarios"))) {
            assertThat(files.map(p -> p.toAbsolutePath().normalize())).allMatch(listed::contains);
        }
    }

    @Test
    void laserAgeingRunsReachTheFailure() {
        for (SuiteCase c : cases) {
            for (FaultSpec f : new ScenarioReader().read(c.scenario()).scenario().faults()) {
                if (f.type() == FaultType.F2) {
                    assertThat(f.onsetMillis() + f.durationMillis().orElseThrow()).as(c.name())
                            .isLessThan(c.durationMillis());
                }
            }
        }
    }

    @Test
    void aBadManifestListsEveryProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, """
                cases:
                  - name: a
                    scenario: a.yaml
                    preset: cpo-99
                    duration: soon
                    period: 1s
                    seed: 1
                    colour: blue
                """);
        assertThatThrownBy(() -> new SuiteReader().read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cases[0].colour: unknown key")
                .hasMessageContaining("cases[0].preset: unknown preset 'cpo-99'")
                .hasMessageContaining("cases[0].duration: 'soon' is not a duration");
    }
}
