package dev.supernodetwin.ingest.topology;

import dev.supernodetwin.core.topology.DeviceSpec;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.TopologyDocument.FeedSpec;
import dev.supernodetwin.core.topology.TopologyDocument.LinkSpec;
import dev.supernodetwin.core.topology.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyWriterTest {

    static List<String> presets() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void readsBackEveryPresetItWritesAsJsonAndYaml(String preset) {
        TopologyDocument doc = Presets.expand(preset, "sn01");

        assertThat(TopologyReader.read(TopologyWriter.toJson(doc), TopologyFormat.JSON)).isEqualTo(doc);
        assertThat(TopologyReader.read(TopologyWriter.toYaml(doc), TopologyFormat.YAML)).isEqualTo(doc);
    }

    @Test
    void writesTheExplicitFormWithIdAndKindFirstAndWholeNumbersAsIntegers() {
        TopologyDocument doc = new TopologyDocument("sn01", List.of(
                DeviceSpec.builder("sn01/t01/gpu0", "gpu").coolant("sn01/cp/t01-gpu0").build(),
                DeviceSpec.builder("sn01/t01/gpu0/oe0", "oe").coolant("sn01/cp/t01-gpu0").host("sn01/t01/gpu0")
                        .laneGbps(200).lanes(8).form("cpo").build(),
                DeviceSpec.builder("sn01/sw1/els3", "els").lasers(8).wavelengthNm(1311.5).build()),
                List.of(new FeedSpec("sn01/sw1/els3#0", List.of("sn01/t01/gpu0/oe0#0", "sn01/t01/gpu0/oe0#1"))),
                List.of(new LinkSpec("sn01/t01/gpu0/oe0#0", "sn01/sw1/asic0/oe5#2", List.of("sn01/ocs1#17"), 3.0)));

        assertThat(TopologyWriter.toJson(doc)).isEqualTo("""
                {
                  "supernode": "sn01",
                  "devices": [
                    {"id": "sn01/t01/gpu0", "kind": "gpu", "coolant": "sn01/cp/t01-gpu0"},
                    {"id": "sn01/t01/gpu0/oe0", "kind": "oe", "form": "cpo", "lanes": 8, "laneGbps": 200, \
                "host": "sn01/t01/gpu0", "coolant": "sn01/cp/t01-gpu0"},
                    {"id": "sn01/sw1/els3", "kind": "els", "lasers": 8, "wavelengthNm": 1311.5}
                  ],
                  "feeds": [
                    {"laser": "sn01/sw1/els3#0", "lanes": ["sn01/t01/gpu0/oe0#0", "sn01/t01/gpu0/oe0#1"]}
                  ],
                  "links": [
                    {"a": "sn01/t01/gpu0/oe0#0", "b": "sn01/sw1/asic0/oe5#2", "via": ["sn01/ocs1#17"], "budgetDb": 3}
                  ]
                }
                """);
    }

    @Test
    void writesYamlInBlockStyleWithTheSameOrder() {
        TopologyDocument doc = new TopologyDocument("sn01",
                List.of(DeviceSpec.builder("sn01/ocs1", "ocs").ports(320).build()), List.of(), List.of());

        assertThat(TopologyWriter.toYaml(doc)).isEqualTo("""
                supernode: sn01
                devices:
                - id: sn01/ocs1
                  kind: ocs
                  ports: 320
                feeds: []
                links: []
                """);
    }
}
