package dev.supernodetwin.app.state;

import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.core.topology.preset.Presets;
import dev.supernodetwin.dashboard.api.AckBoard;
import dev.supernodetwin.dashboard.api.SilenceBoard.StoredSilence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Silences and acknowledgements that follow a supernode: the newer copy wins, every change is shared. */
class SharedAlertStateTest {
    private static final Topology TOPO = Topology.of(Presets.expand("cpo-72", "sn01"));
    private static final long NOW = 1_767_225_600_000L;
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(NOW));

    @TempDir
    Path dir;

    private static StateFile.State silencing(String target, long savedAt) {
        return new StateFile.State(List.of(new StoredSilence("s-" + savedAt, target, NOW - 1_000, NOW + 3_600_000,
                "ana", "swap")), List.of(new AckBoard.Ack("a-1", "bob", NOW - 500)), savedAt);
    }

    private AlertState open(Optional<StateFile.State> elsewhere) {
        return AlertState.open(new AlertState.Settings(dir, Optional.empty(), "db"), TOPO, CLOCK, elsewhere);
    }

    @Test
    void theNewerOfTheFileAndWhatAnEarlierOwnerPublishedWins() throws Exception {
        new StateFile(dir).save(silencing("sn01/t01/els0", NOW - 60_000));
        try (AlertState older = open(Optional.of(silencing("sn01/t02/els0", NOW - 120_000)))) {
            assertThat(older.silences().current().all()).extracting(s -> s.target().text())
                    .containsExactly("sn01/t01/els0");
        }
        try (AlertState newer = open(Optional.of(silencing("sn01/t02/els0", NOW - 30_000)))) {
            assertThat(newer.silences().current().all()).extracting(s -> s.target().text())
                    .containsExactly("sn01/t02/els0");
            assertThat(newer.acks().all()).extracting(AckBoard.Ack::by).containsExactly("bob");
        }
    }

    @Test
    void aLateChangeFromElsewhereIsTakenOnlyWhenNewerAndChangesHereAreShared() throws Exception {
        List<StateFile.State> shared = new CopyOnWriteArrayList<>();
        try (AlertState state = open(Optional.empty())) {
            state.share(shared::add);
            state.silences().add(new dev.supernodetwin.core.silence.Silence("s-here",
                    dev.supernodetwin.core.silence.SilenceTarget.parse("sn01/t03/els0", TOPO).orElseThrow(),
                    NOW, NOW + 60_000, "cy", "here"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (shared.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(shared).hasSize(1);
            long savedHere = shared.get(0).savedAt();
            assertThat(state.adopt(silencing("sn01/t04/els0", savedHere - 1))).as("older than the change here").isFalse();
            assertThat(state.adopt(silencing("sn01/t04/els0", savedHere + 1))).isTrue();
            assertThat(state.silences().current().all()).extracting(s -> s.target().text())
                    .contains("sn01/t03/els0", "sn01/t04/els0");
        }
    }
}
