package dev.supernodetwin.app.run;

import dev.supernodetwin.app.config.RunSettings;
import dev.supernodetwin.app.config.SettingSources;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.ingest.topology.TopologyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which supernodes an instance models, and with which topology. */
class TopologyCatalogTest {
    @TempDir
    Path dir;

    private static TopologyCatalog catalog(String... flags) throws Exception {
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < flags.length; i += 2) {
            f.put(flags[i], flags[i + 1]);
        }
        return TopologyCatalog.of(RunSettings.resolve(SettingSources.of(f, Map.of(), Optional.empty())));
    }

    @Test
    void aPresetServesAnySupernodeUnderItsOwnIdOrOnlyThoseListed() throws Exception {
        TopologyCatalog any = catalog("preset", "cpo-72", "supernode", "*");
        assertThat(any.topology("rack-17").orElseThrow().supernode()).isEqualTo("rack-17");
        assertThat(any.topology("a/b")).as("not an id a record key should carry").isEmpty();
        assertThat(any.only()).isEmpty();
        TopologyCatalog two = catalog("preset", "cpo-72", "supernode", "sn01,sn02");
        assertThat(two.topology("sn02")).isPresent();
        assertThat(two.topology("sn03")).isEmpty();
        assertThat(catalog("preset", "cpo-72").only()).contains("sn01");
    }

    @Test
    void aFolderServesTheSupernodesItDescribesAndListsEveryBadFile() throws Exception {
        TopologyWriter.write(Presets.expand("cpo-72", "east"), dir.resolve("east.json"));
        TopologyWriter.write(Presets.expand("cpo-72", "west"), dir.resolve("west.json"));
        TopologyCatalog folder = catalog("topology.dir", dir.toString(), "supernode", "*");
        assertThat(folder.topology("east")).isPresent();
        assertThat(folder.topology("north")).isEmpty();

        Files.writeString(dir.resolve("broken.json"), "{\"supernode\": \"north\", \"devices\": [{\"id\": \"x\"}]}");
        Files.writeString(dir.resolve("again.yaml"), "supernode: [");
        assertThatThrownBy(() -> catalog("topology.dir", dir.toString(), "supernode", "*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("again.yaml");
    }

    @Test
    void aFileServesItsOwnSupernode() throws Exception {
        Path file = dir.resolve("south.json");
        TopologyWriter.write(Presets.expand("cpo-72", "south"), file);
        TopologyCatalog one = catalog("topology", file.toString());
        assertThat(one.topology("south")).isPresent();
        assertThat(one.topology("sn01")).isEmpty();
        assertThat(one.only()).contains("south");
    }
}
