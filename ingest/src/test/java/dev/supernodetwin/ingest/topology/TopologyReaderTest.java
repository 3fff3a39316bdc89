package dev.supernodetwin.ingest.topology;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supernodetwin.core.fixtures.TinyTopology;
import dev.supernodetwin.core.topology.InvalidTopologyException;
import dev.supernodetwin.core.topology.TopologyDocument;
import dev.supernodetwin.core.topology.TopologyProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TopologyReaderTest {
    private final TopologyDocument tiny = TinyTopology.document();

    @TempDir
    Path dir;

    @Test
    void listsThreeMistakesAsThreeMessagesWithTheirPaths() {
        ObjectNode root = TopologyWriter.tree(tiny);
        ArrayNode devices = (ArrayNode) root.get("devices");
        ((ObjectNode) devices.get(6)).put("lanes", "eight");
        ((ObjectNode) devices.get(4)).remove("kind");
        ((ObjectNode) root.get("links").get(2)).put("budgetDb", "6 dB");

        InvalidTopologyException e = catchThrowableOfType(InvalidTopologyException.class,
                () -> TopologyReader.read(root.toString(), TopologyFormat.JSON));

        assertThat(e.problems()).extracting(TopologyProblem::toString).containsExactly(
                "devices[4].kind: missing; expected a string",
                "devices[6].lanes: expected an integer, got \"eight\"",
                "links[2].budgetDb: expected a number, got \"6 dB\"");
        assertThat(e.getMessage()).startsWith("3 problems in topology:");
    }

    @Test
    void reportsStructuralAndSemanticProblemsTogether() {
        String yaml = """
                supernode: sn01
                devices:
                  - {id: sn01/gpu0, kind: gpu, coolant: sn01/cp9}
                  - {id: sn01/gpu0/oe0, kind: oe, form: cpo, lanes: 8.5, host: sn01/gpu0}
                  - {kind: leak, loop: sn01/cdu1}
                  - {id: sn01/x, kind: toaster}
                links: {a: b}
                """;

        InvalidTopologyException e = catchThrowableOfType(InvalidTopologyException.class,
                () -> TopologyReader.read(yaml, TopologyFormat.YAML));

        assertThat(e.problems()).extracting(TopologyProblem::toString).containsExactly(
                "devices[1].lanes: expected an integer, got 8.5",
                "devices[2].id: missing; expected a string",
                "links: expected an array, got an object",
                "devices[0] (sn01/gpu0).coolant: refers to unknown device 'sn01/cp9'",
                "devices[2] ().loop: refers to unknown device 'sn01/cdu1'",
                "devices[3] (sn01/x).kind: unknown kind 'toaster'; expected one of gpu, switch, oe, els, ocs, cdu,"
                        + " coldplate, leak");
    }

    @Test
    void reportsUnparsableInputWithItsLine() {
        InvalidTopologyException e = catchThrowableOfType(InvalidTopologyException.class,
                () -> TopologyReader.read("{\n \"supernode\": \"sn01\",\n \"devices\": [\n}", TopologyFormat.JSON));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("(document)");
            assertThat(p.message()).startsWith("not valid JSON: ").contains("line 4");
        });
    }

    @Test
    void readsTheSameDocumentFromYamlAndJson() {
        TopologyDocument fromJson = TopologyReader.read(TopologyWriter.toJson(tiny), TopologyFormat.JSON);
        TopologyDocument fromYaml = TopologyReader.read(TopologyWriter.toYaml(tiny), TopologyFormat.YAML);

        assertThat(fromJson).isEqualTo(tiny);
        assertThat(fromYaml).isEqualTo(fromJson);
    }

    @Test
    void picksTheFormatByExtensionOrContent() throws IOException {
        Path yml = Files.writeString(dir.resolve("tiny.yml"), TopologyWriter.toYaml(tiny));
        Path json = Files.writeString(dir.resolve("tiny.json"), TopologyWriter.toJson(tiny));
        Path bare = Files.writeString(dir.resolve("tiny"), "\n  " + TopologyWriter.toJson(tiny));
        Path bareYaml = Files.writeString(dir.resolve("tiny-yaml"), TopologyWriter.toYaml(tiny));

        assertThat(TopologyReader.read(yml)).isEqualTo(tiny);
        assertThat(TopologyReader.read(json)).isEqualTo(tiny);
        assertThat(TopologyReader.read(bare)).isEqualTo(tiny);
        assertThat(TopologyReader.read(bareYaml)).isEqualTo(tiny);
    }

    @Test
    void readsTheSpecExampleShapeIgnoringUnknownTopLevelKeys() {
        String json = """
                {"supernode": "sn01", "comment": "hand written",
                 "devices": [
                   {"id": "sn01/cdu1", "kind": "cdu", "designFlowLpm": 180, "supplyClass": "W32"},
                   {"id": "sn01/cp/t01-gpu0", "kind": "coldplate", "loop": "sn01/cdu1"},
                   {"id": "sn01/t01/gpu0", "kind": "gpu", "coolant": "sn01/cp/t01-gpu0"},
                   {"id": "sn01/t01/gpu0/oe0", "kind": "oe", "form": "cpo", "lanes": 8, "laneGbps": 200,
                    "host": "sn01/t01/gpu0", "coolant": "sn01/cp/t01-gpu0"},
                   {"id": "sn01/sw1/els3", "kind": "els", "lasers": 8, "wavelengthNm": 1311}
                 ],
                 "feeds": [{"laser": "sn01/sw1/els3#0", "lanes": ["sn01/t01/gpu0/oe0#0", "sn01/t01/gpu0/oe0#1"]}]}
                """;

        TopologyDocument doc = TopologyReader.read(json, TopologyFormat.JSON);

        assertThat(doc.devices()).hasSize(5);
        assertThat(doc.devices().get(3).lanes()).hasValue(8);
        assertThat(doc.devices().get(3).laneGbps()).hasValue(200.0);
        assertThat(doc.links()).isEmpty();
    }
}
