package dev.supernodetwin.core.topology;

import dev.supernodetwin.core.topology.preset.PresetSpec;
import dev.supernodetwin.core.topology.preset.Presets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PresetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"cpo-72", "npo-256", "oio-1024"})
    void everyPresetExpandsToAValidTopology(String name) {
        PresetSpec spec = Presets.spec(name).orElseThrow();
        Topology topo = Topology.of(Presets.expand(name, "sn01"));

        assertThat(topo.devicesOfKind(DeviceKind.GPU).size()).isEqualTo(spec.gpus());
        assertThat(topo.devicesOfKind(DeviceKind.SWITCH).size()).isEqualTo(spec.switchAsics());
        int engineLanes = topo.devicesOfKind(DeviceKind.OE).stream().map(d -> topo.device(d).laneCount()).sum();
        // every engine lane is one end of exactly one link, and lit by a laser
        assertThat(topo.links()).hasSize(engineLanes / 2);
        topo.devicesOfKind(DeviceKind.OE).stream().forEach(d -> {
            for (int l = 0; l < topo.device(d).laneCount(); l++) {
                int lane = topo.lane(d, l);
                assertThat(topo.linkOf(lane)).isPresent();
                assertThat(topo.laserOf(lane)).isPresent();
                assertThat(topo.loopOf(d)).isPresent();
            }
        });
        assertThat(topo.devicesOfKind(DeviceKind.OCS).isEmpty()).isEqualTo(spec.ocsPorts() == 0);
    }

    @Test
    void cpo72LooksLikeAnNvl72Rack() {
        Topology topo = Topology.of(Presets.expand("cpo-72", "sn01"));
        int laser = topo.lane("sn01/t01/els0#0").orElseThrow();
        assertThat(topo.litBy(laser).stream().mapToObj(topo::laneName)).containsExactly(
                "sn01/t01/gpu0/oe0#0", "sn01/t01/gpu0/oe0#1", "sn01/t01/gpu0/oe0#2", "sn01/t01/gpu0/oe0#3");
        assertThat(topo.devicesOfKind(DeviceKind.CDU).size()).isEqualTo(1);
        int gpu = topo.indexOf("sn01/t18/gpu3").orElseThrow();
        assertThat(topo.enginesOf(gpu).size()).isEqualTo(4);
    }

    @Test
    void oio1024HasTensOfThousandsOfLanesAndSeveralCdus() {
        Topology topo = Topology.of(Presets.expand("oio-1024", "sn07"));
        assertThat(topo.devicesOfKind(DeviceKind.CDU).size()).isEqualTo(4);
        assertThat(topo.links().size()).isEqualTo(16_384);
        assertThat(topo.device(0).id().supernode()).isEqualTo("sn07");
    }

    @Test
    void unknownPresetNamesTheOnesThatExist() {
        assertThatThrownBy(() -> Presets.expand("cpo-9000", "sn01"))
                .hasMessage("unknown preset 'cpo-9000'; choose one of cpo-72, npo-256, oio-1024");
    }
}
