package dev.supernodetwin.app;

import dev.supernodetwin.app.config.BadRulesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code twin replay} with detection: rules files and the alert counts of the summary. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadRulesFileIsAUsageErrorListingEveryProblemBeforeAnythingIsRead() throws Exception {
        Path rules = BadRulesFile.write(dir);

        CommandRun r = CommandRun.of("replay", "--preset", "cpo-72", "--input",
                dir.resolve("never-read.ndjson").toString(), "--rules", rules.toString(), "--alerts-out",
                dir.resolve("alerts.ndjson").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--rules " + rules + ": 3 problems").contains(BadRulesFile.PROBLEMS);
        assertThat(dir.resolve("alerts.ndjson")).doesNotExist();
    }

    @Test
    void countsTheAlertEventsAndTheAlertsStillFiring() throws Exception {
        Path scenario = dir.resolve("dead-laser.yaml");
        Files.writeString(scenario, "faults:\n  - {fault: F3, target: sn01/t01/els0#0, onset: 40s}\n");
        Path recording = dir.resolve("run.ndjson.gz");
        assertThat(CommandRun.of("simulate", "--preset", "cpo-72", "--scenario", scenario.toString(), "--duration",
                "70s", "--out", recording.toString()).status()).isZero();
        Path rules = dir.resolve("site.yaml");
        Files.writeString(rules, "rules:\n  - {id: site-1, kind: switch, metric: temp_c, ewma: {min_sigma: 0.5}}\n");
        Path alerts = dir.resolve("alerts.ndjson");

        CommandRun r = CommandRun.of("replay", "--preset", "cpo-72", "--input", recording.toString(), "--rules",
                rules.toString(), "--alerts-out", alerts.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readAllLines(alerts)).singleElement().asString().contains("\"state\":\"firing\"");
        assertThat(r.out()).contains("alerts: 1 events, 1 firing at the end, written to " + alerts
                + "; rules from " + rules + " over the defaults (");
    }
}
