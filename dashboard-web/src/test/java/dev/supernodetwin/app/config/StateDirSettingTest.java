package dev.supernodetwin.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateDirSettingTest {
    @TempDir
    Path dir;

    @Test
    void defaultsToTwinStateAndTakesTheEnvironmentAndFlag() {
        Map<String, String> preset = Map.of("preset", "cpo-72");
        assertThat(RunSettings.resolve(SettingSources.of(preset, Map.of(), Optional.empty())).stateDir())
                .isEqualTo(Path.of("./twin-state"));
        Path fromEnv = dir.resolve("env/state");
        assertThat(RunSettings.resolve(SettingSources.of(preset, Map.of("TWIN_STATE_DIR", fromEnv.toString()),
                Optional.empty())).stateDir()).isEqualTo(fromEnv);
        Map<String, String> flags = Map.of("preset", "cpo-72", "state.dir", dir.toString());
        assertThat(RunSettings.resolve(SettingSources.of(flags, Map.of("TWIN_STATE_DIR", fromEnv.toString()),
                Optional.empty())).stateDir()).isEqualTo(dir);
    }

    @Test
    void aFileWhereTheFolderShouldBeStopsStartUpNamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72", "state.dir",
                file.toString()), Map.of(), Optional.empty())))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("state.dir")
                .hasMessageContaining("is a file");
        assertThat(RunSettings.checkStateDir(file.resolve("below"))).contains("cannot be created");
    }
}
