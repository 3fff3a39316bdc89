package dev.supernodetwin.core.silence;

import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.topology.DeviceSpec;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.preset.Presets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamTest {
    private static final Topology TINY = Topology.of(TinyTopology.document());

    private static Coverage cover(Topology topology, String target) {
        return Downstream.of(SilenceTarget.parse(target, topology).orElseThrow(), topology);
    }

    private static Set<String> lanes(Topology topology, Coverage c) {
        return Arrays.stream(c.lanes()).mapToObj(topology::laneName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> devices(Topology topology, Coverage c) {
        return Arrays.stream(c.devices()).mapToObj(i -> topology.device(i).id().value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aLaserCoversTheLanesItLightsTheirFarEndsAndTheOcsPortsBetween() {
        Coverage c = cover(TINY, "tn/els0#1");
        // els0#1 lights gpu0/oe0 lanes 4..7, linked to sw/oe0 lanes 4..7 through ocs1 ports 8..15
        Set<String> expected = new TreeSet<>(List.of("tn/els0#1"));
        for (int i = 4; i < 8; i++) {
            expected.add("tn/gpu0/oe0#" + i);
            expected.add("tn/sw/oe0#" + i);
            expected.add("tn/ocs1#" + (2 * i));
            expected.add("tn/ocs1#" + (2 * i + 1));
        }
        assertThat(lanes(TINY, c)).isEqualTo(expected);
        assertThat(c.deviceCount()).isZero();
    }

    @Test
    void anElsCoversItselfAndEveryLaserAsALaser() {
        Coverage c = cover(TINY, "tn/els0");
        assertThat(devices(TINY, c)).containsExactly("tn/els0");
        // 4 lasers + 16 GPU lanes + 16 switch lanes + 32 OCS ports
        assertThat(c.laneCount()).isEqualTo(4 + 16 + 16 + 32);
    }

    @Test
    void anOcsPortCoversTheLinkThroughItAndBothEnds() {
        Coverage c = cover(TINY, "tn/ocs1#5");
        assertThat(lanes(TINY, c)).containsExactlyInAnyOrder("tn/ocs1#4", "tn/ocs1#5", "tn/gpu0/oe0#2",
                "tn/sw/oe0#2");
    }

    @Test
    void anOcsCoversEveryLinkThroughIt() {
        Coverage c = cover(TINY, "tn/ocs1");
        assertThat(devices(TINY, c)).containsExactly("tn/ocs1");
        assertThat(c.laneCount()).isEqualTo(32 + 16 + 16);
    }

    @Test
    void anEngineCoversItsLanesAndTheirFarEnds() {
        Coverage c = cover(TINY, "tn/sw/oe1");
        assertThat(devices(TINY, c)).containsExactly("tn/sw/oe1");
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 8; i++) {
            expected.add("tn/sw/oe1#" + i);
            expected.add("tn/gpu1/oe0#" + i);
        }
        assertThat(lanes(TINY, c)).isEqualTo(expected);
    }

    @Test
    void aGpuCoversItsEnginesAndColdPlate() {
        Coverage c = cover(TINY, "tn/gpu0");
        assertThat(devices(TINY, c)).containsExactly("tn/cp/gpu0", "tn/gpu0", "tn/gpu0/oe0");
        assertThat(c.laneCount()).isEqualTo(16);
    }

    @Test
    void aGpuCooledByTheCduDirectlyDoesNotCoverTheCdu() {
        List<DeviceSpec> devices = new ArrayList<>();
        for (DeviceSpec d : TinyTopology.document().devices()) {
            devices.add(d.id().equals("tn/gpu1") ? DeviceSpec.builder("tn/gpu1", "gpu").coolant("tn/cdu1").powerW(1000)
                    .build() : d);
        }
        TopologyDocument doc = TinyTopology.document();
        Topology direct = Topology.of(new TopologyDocument(doc.supernode(), devices, doc.feeds(), doc.links()));
        assertThat(devices(direct, cover(direct, "tn/gpu1"))).containsExactly("tn/gpu1", "tn/gpu1/oe0");
    }

    @Test
    void aSwitchCoversBothEngines() {
        Coverage c = cover(TINY, "tn/sw");
        assertThat(devices(TINY, c)).containsExactly("tn/cp/sw", "tn/sw", "tn/sw/oe0", "tn/sw/oe1");
        assertThat(c.laneCount()).isEqualTo(32);
    }

    @Test
    void aCduCoversEverythingOnItsLoop() {
        Coverage c = cover(TINY, "tn/cdu1");
        assertThat(devices(TINY, c)).containsExactly("tn/cdu1", "tn/cp/gpu0", "tn/cp/gpu1", "tn/cp/sw", "tn/gpu0",
                "tn/gpu0/oe0", "tn/gpu1", "tn/gpu1/oe0", "tn/leak", "tn/sw", "tn/sw/oe0", "tn/sw/oe1");
        assertThat(devices(TINY, c)).doesNotContain("tn/els0", "tn/ocs1");
    }

    @Test
    void aColdPlateLeakSensorOrEngineLaneCoversOnlyItself() {
        assertThat(devices(TINY, cover(TINY, "tn/cp/gpu1"))).containsExactly("tn/cp/gpu1");
        assertThat(cover(TINY, "tn/cp/gpu1").laneCount()).isZero();
        assertThat(devices(TINY, cover(TINY, "tn/leak"))).containsExactly("tn/leak");
        Coverage lane = cover(TINY, "tn/gpu1/oe0#3");
        assertThat(lane.deviceCount()).isZero();
        assertThat(lanes(TINY, lane)).containsExactlyInAnyOrder("tn/gpu1/oe0#3", "tn/sw/oe1#3");
    }

    @Test
    void aTrayOrRackCoversEveryDeviceInItAsIfNamedOneByOne() {
        Topology racked = Topology.of(withRacks(TinyTopology.document()));
        Coverage tray = cover(racked, "tray:t01");
        assertThat(devices(racked, tray)).containsExactly("tn/cp/gpu0", "tn/gpu0", "tn/gpu0/oe0");
        assertThat(tray.laneCount()).isEqualTo(16);
        assertThat(devices(racked, cover(racked, "tray:r1/t01"))).isEqualTo(devices(racked, tray));
        Coverage rack = cover(racked, "rack:r1");
        assertThat(devices(racked, rack)).contains("tn/gpu0", "tn/gpu1", "tn/cp/gpu1", "tn/gpu1/oe0")
                .doesNotContain("tn/sw", "tn/cdu1");
    }

    @Test
    void onCpo72ALaserCoversExactlyWhatItLightsAndTheFarEnds() {
        Topology t = Topology.of(Presets.expand("cpo-72", "sn01"));
        int laser = t.devicesOfKind(dev.supernodetwin.core.topology.DeviceKind.ELS).stream()
                .map(els -> t.lane(els, 0)).filter(l -> !t.litBy(l).isEmpty()).findFirst().orElseThrow();
        Coverage c = Downstream.of(SilenceTarget.parse(t.laneName(laser), t).orElseThrow(), t);
        Set<Integer> expected = new TreeSet<>(List.of(laser));
        t.litBy(laser).stream().forEach(lane -> {
            expected.add(lane);
            t.linkOf(lane).ifPresent(link -> {
                expected.add(link.otherEnd(lane));
                link.via().stream().forEach(expected::add);
            });
        });
        assertThat(Arrays.stream(c.lanes()).boxed().collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(t.litBy(laser).size()).isPositive();
        assertThat(c.deviceCount()).isZero();
    }

    /** Tiny with GPU 0 in tray t01 and GPU 1 in tray t02 of rack r1, the switch in rack r2. */
    private static TopologyDocument withRacks(TopologyDocument doc) {
        List<DeviceSpec> devices = new ArrayList<>();
        for (DeviceSpec d : doc.devices()) {
            String tray = d.id().startsWith("tn/gpu0") || d.id().equals("tn/cp/gpu0") ? "t01"
                    : d.id().startsWith("tn/gpu1") || d.id().equals("tn/cp/gpu1") ? "t02"
                    : d.id().startsWith("tn/sw") || d.id().equals("tn/cp/sw") ? "sw1" : null;
            String rack = tray == null ? null : d.id().contains("sw") ? "r2" : "r1";
            devices.add(tray == null ? d : new DeviceSpec(d.id(), d.kind(), d.form(), d.lanes(), d.laneGbps(),
                    d.host(), d.coolant(), d.loop(), d.lasers(), d.wavelengthNm(), d.ports(), d.designFlowLpm(),
                    d.supplyClass(), java.util.Optional.of(rack), java.util.Optional.of(tray), d.powerW()));
        }
        return new TopologyDocument(doc.supernode(), devices, doc.feeds(), doc.links());
    }
}
