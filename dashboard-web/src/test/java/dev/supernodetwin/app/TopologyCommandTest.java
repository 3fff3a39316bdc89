package dev.supernodetwin.app;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twin topology export} and {@code validate} as a user runs them. */
class TopologyCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            int status = TwinCli.commandLine().execute(args);
            return new Run(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpo-72", "npo-256", "oio-1024"})
    void everyExportedPresetValidates(String preset) {
        for (String format : new String[] {"json", "yaml"}) {
            Path file = dir.resolve(preset + "." + format);
            assertThat(run("topology", "export", "--preset", preset, "--format", format, "--out", file.toString())
                    .status()).isZero();

            Run validate = run("topology", "validate", file.toString());

            assertThat(validate.status()).as(validate.out()).isZero();
            assertThat(validate.out()).contains("valid supernode sn01");
        }
    }

    @Test
    void aDocumentWithThreeMistakesGetsThreeMessagesWithTheirPlaces() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                supernode: sn01
                devices:
                  - {id: sn01/cdu1, kind: cdu}
                  - {id: sn01/cp/gpu0, kind: coldplate, loop: sn01/cdu9}
                  - {id: sn01/gpu0, kind: gpu, coolant: sn01/cp/gpu0}
                  - {id: sn01/gpu0/oe0, kind: oe, form: cpo, lanes: eight, host: sn01/gpu0}
                  - {id: sn01/els0, kind: laser, lasers: 8}
                """);

        Run run = run("topology", "validate", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("3 problems",
                "devices[1] (sn01/cp/gpu0).loop: refers to unknown device 'sn01/cdu9'",
                "devices[3]", "lanes",
                "devices[4] (sn01/els0).kind: unknown kind 'laser'");
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("demo", "simulate", "topology");
    }
}
