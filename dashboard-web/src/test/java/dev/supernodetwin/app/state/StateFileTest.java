package dev.supernodetwin.app.state;

import dev.supernodetwin.dashboard.api.AckBoard;
import dev.supernodetwin.dashboard.api.SilenceBoard.StoredSilence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateFileTest {
    @Test
    void savesAndLoadsSilencesAndAcksLeavingNoTemporaryFiles(@TempDir Path dir) throws Exception {
        StateFile file = new StateFile(dir.resolve("nested"));
        StateFile.State state = new StateFile.State(
                List.of(new StoredSilence("s1", "rack:r1", 10, 20, "ann", "swap \"quoted\"")),
                List.of(new AckBoard.Ack("a-1", "bob", 15)));
        file.save(state);
        file.save(state);
        StateFile.Loaded loaded = file.load(99);
        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.state()).isEqualTo(state);
        try (var files = Files.list(dir.resolve("nested"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(StateFile.FILE);
        }
    }

    @Test
    void aMissingFileIsAnEmptyState(@TempDir Path dir) {
        StateFile.Loaded loaded = new StateFile(dir).load(1);
        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.state().silences()).isEmpty();
    }

    @Test
    void aCorruptFileIsReportedAndSetAsideNotFatal(@TempDir Path dir) throws Exception {
        for (String bad : List.of("{not json", "[]", "{\"silences\":[{\"id\":\"s1\"}]}", "{\"acks\":[3]}")) {
            Files.writeString(dir.resolve(StateFile.FILE), bad);
            StateFile.Loaded loaded = new StateFile(dir).load(42);
            assertThat(loaded.problem()).as(bad).hasValueSatisfying(p -> assertThat(p).contains("corrupt-42"));
            assertThat(loaded.state().silences()).isEmpty();
            assertThat(dir.resolve(StateFile.FILE)).doesNotExist();
            assertThat(dir.resolve(StateFile.FILE + ".corrupt-42")).hasContent(bad);
        }
    }
}
