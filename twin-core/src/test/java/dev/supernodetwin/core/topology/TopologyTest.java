package dev.supernodetwin.core.topology;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.topology.TopologyDocument.FeedSpec;
import dev.supernodetwin.core.topology.TopologyDocument.LinkSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyTest {

    private final Topology topo = Topology.of(TinyTopology.document());

    private int dev(String id) {
        return topo.indexOf(id).orElseThrow();
    }

    private int lane(String ref) {
        return topo.lane(ref).orElseThrow();
    }

    @Test
    void indexesDevicesByIdAndKind() {
        assertThat(topo.deviceCount()).isEqualTo(14);
        assertThat(topo.devicesOfKind(DeviceKind.GPU).size()).isEqualTo(2);
        assertThat(topo.device(dev("tn/gpu0/oe0")).form()).contains(EngineForm.CPO);
        assertThat(topo.indexOf("tn/nothing")).isEmpty();
        // 4 engines x 8 lanes + 4 lasers + 32 OCS ports
        assertThat(topo.laneCount()).isEqualTo(68);
    }

    @Test
    void mapsLanesToTheirLaserAndBack() {
        int laser = lane("tn/els0#1");
        assertThat(topo.litBy(laser).stream().mapToObj(topo::laneName))
                .containsExactly("tn/gpu0/oe0#4", "tn/gpu0/oe0#5", "tn/gpu0/oe0#6", "tn/gpu0/oe0#7");
        assertThat(topo.laserOf(lane("tn/gpu0/oe0#6"))).hasValue(laser);
        assertThat(topo.laserOf(lane("tn/sw/oe0#0"))).isEmpty();
    }

    @Test
    void mapsLanesToLinksAndOcsPorts() {
        Link link = topo.linkOf(lane("tn/gpu1/oe0#2")).orElseThrow();
        assertThat(topo.laneName(link.otherEnd(lane("tn/gpu1/oe0#2")))).isEqualTo("tn/sw/oe1#2");
        assertThat(link.via().stream().mapToObj(topo::laneName)).containsExactly("tn/ocs1#20", "tn/ocs1#21");
        assertThat(topo.linksThrough(lane("tn/ocs1#21")).get(0)).isEqualTo(link.index());
        assertThat(link.budgetDb()).isEqualTo(6.0);
    }

    @Test
    void mapsEnginesToHostsAndCoolingPaths() {
        assertThat(topo.hostOf(dev("tn/sw/oe1"))).hasValue(dev("tn/sw"));
        assertThat(topo.enginesOf(dev("tn/sw")).size()).isEqualTo(2);
        assertThat(topo.coolantOf(dev("tn/gpu0"))).hasValue(dev("tn/cp/gpu0"));
        assertThat(topo.loopOf(dev("tn/gpu0/oe0"))).hasValue(dev("tn/cdu1"));
        assertThat(topo.loopOf(dev("tn/leak"))).hasValue(dev("tn/cdu1"));
        assertThat(topo.cooledBy(dev("tn/cp/gpu0")).stream().mapToObj(i -> topo.device(i).id().value()))
                .containsExactly("tn/gpu0", "tn/gpu0/oe0");
        // 3 cold plates, the leak sensor, 2 GPUs, the switch and 4 engines; not the ELS and OCS (no coolant)
        assertThat(topo.onLoop(dev("tn/cdu1")).size()).isEqualTo(11);
    }

    @Test
    void listsEveryProblemWithWhereItIs() {
        TopologyDocument good = TinyTopology.document();
        List<DeviceSpec> devices = new ArrayList<>(good.devices());
        devices.add(DeviceSpec.builder("tn/gpu0", "gpu").build());
        devices.add(DeviceSpec.builder("tn/x", "toaster").build());
        devices.add(DeviceSpec.builder("tn/gpu9/oe0", "oe").form("cpo").lanes(8).host("tn/gpu9").build());
        List<FeedSpec> feeds = new ArrayList<>(good.feeds());
        feeds.add(new FeedSpec("tn/els0#7", List.of("tn/gpu1/oe0#0")));
        List<LinkSpec> links = new ArrayList<>(good.links());
        links.add(new LinkSpec("tn/gpu0/oe0#0", "tn/sw/oe0#9", List.of(), -1));
        TopologyDocument bad = new TopologyDocument("tn", devices, feeds, links);

        assertThatThrownBy(() -> Topology.of(bad)).isInstanceOfSatisfying(InvalidTopologyException.class, e ->
                assertThat(e.problems()).extracting(TopologyProblem::toString).containsExactly(
                        "devices[14] (tn/gpu0).id: repeats id 'tn/gpu0' of an earlier device",
                        "devices[15] (tn/x).kind: unknown kind 'toaster'; expected one of gpu, switch, oe, els, ocs, cdu, coldplate, leak",
                        "devices[16] (tn/gpu9/oe0).host: refers to unknown device 'tn/gpu9'",
                        "feeds[4].laser: 'tn/els0#7' is out of range; tn/els0 has 4 lasers (0..3)",
                        "feeds[4].lanes[0]: lane 'tn/gpu1/oe0#0' is already lit by another laser (feeds[2].lanes[0])",
                        "links[16].a: lane 'tn/gpu0/oe0#0' is already an end of another link (links[0].a)",
                        "links[16].b: 'tn/sw/oe0#9' is out of range; tn/sw/oe0 has 8 lanes (0..7)",
                        "links[16].budgetDb: must be a positive loss budget in dB, was -1.0"));
    }

    @Test
    void rejectsIdsOutsideTheSupernode() {
        TopologyDocument doc = new TopologyDocument("sn01",
                List.of(DeviceSpec.builder("sn02/gpu0", "gpu").build()), List.of(), List.of());
        assertThat(TopologyValidator.validate(doc)).extracting(TopologyProblem::message)
                .containsExactly("'sn02/gpu0' must start with the supernode id 'sn01/'");
    }
}
