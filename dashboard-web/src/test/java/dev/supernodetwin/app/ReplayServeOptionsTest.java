package dev.supernodetwin.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twin replay --serve} and {@code --live-tick}: bad options are usage errors before anything starts. */
class ReplayServeOptionsTest {

    @Test
    void aLiveTickBelowTheMinimumIsAUsageError() {
        CommandRun r = CommandRun.of("replay", "--input", "never-read.ndjson", "--serve", "--live-tick", "10ms");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--live-tick must be at least 50ms, was 10ms");
    }

    @Test
    void anUnreadableLiveTickIsAUsageErrorOfTheDemoToo() {
        CommandRun r = CommandRun.of("demo", "--live-tick", "soon");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--live-tick: 'soon' is not a duration like 250ms");
    }

    @Test
    void serveTakesARecordingNotAKafkaTopicOrOutputFiles() {
        CommandRun kafka = CommandRun.of("replay", "--from-kafka", "--bootstrap", "127.0.0.1:1", "--topic", "t",
                "--serve");
        CommandRun alerts = CommandRun.of("replay", "--input", "never-read.ndjson", "--serve", "--alerts-out",
                "a.ndjson");

        assertThat(kafka.status()).isEqualTo(2);
        assertThat(kafka.err()).contains("--serve replays a recording (--input)");
        assertThat(alerts.status()).isEqualTo(2);
    }

    @Test
    void aSpeedOutOfRangeIsAUsageError() {
        CommandRun r = CommandRun.of("replay", "--input", "never-read.ndjson", "--serve", "--speed", "0");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--speed must be a number above 0 and at most 10000, or max; was 0");
    }

    @Test
    void theHelpSaysWhichSpeedIsTheDefault() {
        CommandRun r = CommandRun.of("replay", "--help");

        assertThat(r.out()).contains("--speed defaults to max without --serve and to 1 (real time) with --serve")
                .contains("--live-tick");
    }
}
