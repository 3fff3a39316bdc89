package dev.supernodetwin.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad receivers file stops {@code twin run} and {@code twin demo} with exit 2, listing every problem. */
class ReceiversOptionTest {
    private static final String BAD = """
            receivers:
              - name: am
                alertmanager: {url: 'http://127.0.0.1:9093', resend: forever}
              - name: hook
                webhook: {url: 'https://hooks.example/twin', headers: {Authorization: 'Bearer ${TWIN_TEST_UNSET_TOKEN}'}}
                min_severity: dire
            """;

    @TempDir
    Path dir;

    @Test
    void runRefusesABadReceiversFileListingEveryProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("receivers.yaml"), BAD);

        CommandRun run = CommandRun.of("run", "--preset", "cpo-72", "--receivers", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("receivers: '" + file + "' (from flag --receivers) receivers[0].alertmanager"
                        + ".resend: 'forever' is not a duration")
                .contains("receivers[1].webhook.headers.Authorization: ${TWIN_TEST_UNSET_TOKEN} is not set in the"
                        + " environment")
                .contains("receivers[1].min_severity: unknown 'dire'");
    }

    @Test
    void demoRefusesABadReceiversFileListingEveryProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("receivers.yaml"), BAD);

        CommandRun run = CommandRun.of("demo", "--preset", "cpo-72", "--receivers", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--receivers " + file + ": 3 problems")
                .contains("  - receivers[0].alertmanager.resend: 'forever' is not a duration")
                .contains("  - receivers[1].webhook.headers.Authorization: ${TWIN_TEST_UNSET_TOKEN} is not set")
                .contains("  - receivers[1].min_severity: unknown 'dire'");
    }

    @Test
    void aMissingFileIsAProblemOfTheSetting() {
        CommandRun run = CommandRun.of("run", "--preset", "cpo-72", "--receivers", dir.resolve("nope.yaml").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("receivers: '" + dir.resolve("nope.yaml") + "' (from flag --receivers) no"
                + " readable file");
    }
}
