package dev.supernodetwin.app.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code live.tick} of {@code twin run}: a default, the environment, and a clear error below the minimum. */
class LiveTickSettingTest {

    @Test
    void defaultsTo250MillisecondsAndIsReadFromTheEnvironment() {
        RunSettings plain = RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72"), Map.of(), Optional.empty()));
        RunSettings fromEnv = RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72"),
                Map.of("TWIN_LIVE_TICK", "100ms"), Optional.empty()));

        assertThat(plain.liveTickMs()).isEqualTo(250);
        assertThat(fromEnv.liveTickMs()).isEqualTo(100);
    }

    @Test
    void aTickBelow50MillisecondsOrUnreadableStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72", "live.tick", "10ms"),
                Map.of(), Optional.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("live.tick: '10ms' (from flag --live-tick) must be at least 50ms"));
        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72"),
                Map.of("TWIN_LIVE_TICK", "often"), Optional.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("live.tick: 'often' (from environment TWIN_LIVE_TICK) cannot be read"));
    }
}
