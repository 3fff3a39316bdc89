package dev.supernodetwin.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code twin simulate} checks a --supernode list before it simulates or connects anywhere. */
class SimulateCommandTest {
    // Nothing listens here: every case below must be refused before a producer is made.
    private static final String NO_BROKER = "127.0.0.1:9";

    @TempDir
    Path dir;

    @Test
    void refusesAListForARecordingFile() {
        Path out = dir.resolve("run.ndjson.gz");

        CommandRun r = CommandRun.of("simulate", "--supernode", "sn01,sn02", "--duration", "2s", "--out", out.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--out writes one supernode's recording");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesAListWithATopologyFile() {
        CommandRun r = CommandRun.of("simulate", "--supernode", "sn01,sn02", "--topology", "sn01.yaml", "--duration",
                "2s", "--kafka", NO_BROKER, "--topic", "t");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--topology describes one supernode: a --supernode list needs --preset");
    }

    @Test
    void refusesABadListNamingTheRuleBroken() {
        CommandRun twice = CommandRun.of("simulate", "--supernode", "sn01,sn02,sn01", "--duration", "2s", "--kafka",
                NO_BROKER, "--topic", "t");
        CommandRun every = CommandRun.of("simulate", "--supernode", "sn01,*", "--duration", "2s", "--kafka",
                NO_BROKER, "--topic", "t");

        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.err()).contains("--supernode: 'sn01' is listed twice");
        assertThat(every.status()).isEqualTo(2);
        assertThat(every.err()).contains("--supernode: '*' (every supernode that arrives) is for twin run");
    }

    @Test
    void refusesAScenarioFaultOfASupernodeNotListed() throws Exception {
        Path scenario = dir.resolve("laser.yaml");
        java.nio.file.Files.writeString(scenario, "faults:\n  - {fault: F3, target: sn09/t01/els0#0, onset: 1s}\n");

        CommandRun r = CommandRun.of("simulate", "--supernode", "sn01,sn02", "--scenario", scenario.toString(),
                "--duration", "2s", "--kafka", NO_BROKER, "--topic", "t");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("supernode 'sn09' is not one of --supernode sn01,sn02");
    }

    @Test
    void aSingleIdStillWritesOneRecording() {
        Path out = dir.resolve("one.ndjson");

        CommandRun r = CommandRun.of("simulate", "--supernode", "sn07", "--duration", "2s", "--out", out.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(out).isNotEmptyFile();
        assertThat(r.err()).contains("(2 ticks of sn07)");
    }
}
