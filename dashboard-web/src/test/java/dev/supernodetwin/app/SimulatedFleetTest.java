package dev.supernodetwin.app;

import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.core.sim.FaultType;
import dev.supernodetwin.core.sim.Scenario;
import dev.supernodetwin.core.sim.SimulationSettings;
import dev.supernodetwin.core.sim.Simulator;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.testing.RandomFrames;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The supernode list of {@code twin simulate --supernode a,b}: ids, seeds, faults and ticking in step. */
class SimulatedFleetTest {
    private static final SimulationSettings BASE = new SimulationSettings(5, 1_767_225_600_000L, 1000);

    @Test
    void parsesACommaListInOrder() {
        assertThat(SimulatedFleet.parseIds("sn01,sn02,sn03,sn04")).containsExactly("sn01", "sn02", "sn03", "sn04");
    }

    @Test
    void rejectsListsThatNameNoUsableSupernode() {
        assertThatThrownBy(() -> SimulatedFleet.parseIds("sn01,,sn02")).hasMessageContaining("an empty id");
        assertThatThrownBy(() -> SimulatedFleet.parseIds("sn01,")).hasMessageContaining("an empty id");
        assertThatThrownBy(() -> SimulatedFleet.parseIds("sn01,sn01")).hasMessage("'sn01' is listed twice");
        assertThatThrownBy(() -> SimulatedFleet.parseIds("sn01, sn02")).hasMessageContaining("no whitespace");
        assertThatThrownBy(() -> SimulatedFleet.parseIds("sn01,a/b")).hasMessageContaining("no '/'");
        assertThatThrownBy(() -> SimulatedFleet.parseIds("sn01,*")).hasMessageContaining("is for twin run");
    }

    @Test
    void theFirstSupernodeKeepsTheSeedAndTheOthersGetTheirOwn() {
        List<Long> seeds = List.of(SimulatedFleet.seedOf(5, 0), SimulatedFleet.seedOf(5, 1),
                SimulatedFleet.seedOf(5, 2), SimulatedFleet.seedOf(5, 3), SimulatedFleet.seedOf(6, 1));
        assertThat(seeds.get(0)).isEqualTo(5);
        assertThat(seeds).doesNotHaveDuplicates();
        assertThat(SimulatedFleet.seedOf(5, 1)).isEqualTo(SimulatedFleet.seedOf(5, 1));
    }

    @Test
    void givesEachSupernodeTheFaultsThatNameIt() {
        FaultSpec laser = FaultSpec.of(FaultType.F3, "sn02/t01/els0#0", 1000);
        FaultSpec drift = FaultSpec.of(FaultType.F19, "sn01", 0);
        Scenario scenario = new Scenario(List.of(laser, drift));

        assertThat(SimulatedFleet.scenarioFor(scenario, "sn01").faults()).containsExactly(drift);
        assertThat(SimulatedFleet.scenarioFor(scenario, "sn02").faults()).containsExactly(laser);
        assertThatThrownBy(() -> SimulatedFleet.of("cpo-72", List.of("sn01", "sn03"), BASE, scenario))
                .hasMessageContaining("faults[0].target: supernode 'sn02' is not one of --supernode sn01,sn03");
    }

    @Test
    void ticksEverySupernodeUnderItsOwnIdAndTheFirstAsIfAlone() {
        SimulatedFleet fleet = SimulatedFleet.of("cpo-72", List.of("sn01", "sn02"), BASE, Scenario.healthy());
        List<List<List<String>>> frames = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<String>> devices = List.of(new ArrayList<>(), new ArrayList<>());
        List<FrameSink> sinks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i;
            Topology topo = fleet.layouts().get(i).topology();
            sinks.add(f -> {
                frames.get(n).add(RandomFrames.samples(f));
                devices.get(n).add(topo.device(f.device()).id().value());
            });
        }

        for (int t = 0; t < 3; t++) {
            fleet.tick(sinks);
        }

        assertThat(fleet.first().nextTime()).isEqualTo(BASE.startMillis() + 3000);
        assertThat(devices.get(0)).isNotEmpty().allSatisfy(d -> assertThat(d).startsWith("sn01/"));
        assertThat(devices.get(1)).hasSameSizeAs(devices.get(0)).allSatisfy(d -> assertThat(d).startsWith("sn02/"));
        assertThat(frames.get(0)).isEqualTo(alone("sn01", 3));
        assertThat(frames.get(1)).isNotEqualTo(frames.get(0));
    }

    private static List<List<String>> alone(String id, int ticks) {
        Simulator sim = new Simulator(new SensorLayout(Topology.of(Presets.expand("cpo-72", id))), BASE,
                Scenario.healthy());
        List<List<String>> out = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            sim.tick(f -> out.add(RandomFrames.samples(f)));
        }
        return out;
    }
}
