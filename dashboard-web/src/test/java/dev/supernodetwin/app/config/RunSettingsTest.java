package dev.supernodetwin.app.config;

import dev.supernodetwin.core.detect.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsNeedOnlyATopology() {
        RunSettings s = RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72"), Map.of(), Optional.empty()));

        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.topic()).isEqualTo("supernode-telemetry");
        assertThat(s.deadLetterTopic()).isEqualTo("supernode-telemetry.dead-letters");
        assertThat(s.httpHost()).isEqualTo("127.0.0.1");
        assertThat(s.rebuildWindowMs()).isEqualTo(600_000);
        assertThat(s.influxUrl()).isEmpty();
        assertThat(s.detection().rulesFile()).isEmpty();
        assertThat(s.detection().rules()).isEqualTo(RuleSet.defaults());
        assertThat(s.detection().alertsOut()).isEmpty();
        assertThat(s.detection().describe())
                .startsWith("detection: the default rules (" + RuleSet.defaults().rules().size() + " rules)");
    }

    @Test
    void readsARulesFileOverTheDefaultsAndAnAlertsFileFromTheEnvironment() throws Exception {
        Path rules = dir.resolve("site.yaml");
        Files.writeString(rules, """
                rules:
                  - {id: site-1, kind: switch, metric: temp_c, ewma: {min_sigma: 0.5}}
                  - {id: O-R1, kind: oe, metric: rx_dbm, enabled: false, peer_mad: {min_mad: 0.05}}
                """);
        Path alerts = dir.resolve("alerts.ndjson");
        Map<String, String> env = Map.of("TWIN_RULES", rules.toString(), "TWIN_ALERTS_OUT", alerts.toString());

        RunSettings s = RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72"), env, Optional.empty()));

        assertThat(s.detection().rulesFile()).contains(rules);
        assertThat(s.detection().rules().rules()).hasSize(RuleSet.defaults().rules().size())
                .anySatisfy(r -> assertThat(r.id()).isEqualTo("site-1"));
        assertThat(s.detection().alertsOut()).contains(alerts);
        assertThat(s.detection().describe()).contains("rules from " + rules + " over the defaults")
                .endsWith(alerts.toString());
    }

    @Test
    void readsAReceiversFileFromTheEnvironmentWithItsVariables() throws Exception {
        Path receivers = Files.writeString(dir.resolve("receivers.yaml"), """
                receivers:
                  - {name: am, alertmanager: {url: 'http://${AM_HOST}:9093'}}
                """);
        Map<String, String> env = Map.of("TWIN_RECEIVERS", receivers.toString(), "AM_HOST", "am.example");

        RunSettings s = RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72"), env, Optional.empty()));

        assertThat(s.detection().receiversFile()).contains(receivers);
        assertThat(s.detection().receivers().receivers()).singleElement().satisfies(r ->
                assertThat(r.destination().url()).hasToString("http://am.example:9093"));
        assertThat(s.detection().describe()).endsWith("; notifications to am (from " + receivers + ")");
    }

    @Test
    void listsEveryProblemOfABadRulesFileWithTheOtherBadSettings() throws Exception {
        Path rules = BadRulesFile.write(dir);
        Map<String, String> flags = Map.of("preset", "cpo-72", "rules", rules.toString(), "http.port", "-1",
                "alerts.out", dir.resolve("no-such-folder/alerts.ndjson").toString());
        String from = "rules: '" + rules + "' (from flag --rules) ";

        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(flags, Map.of(), Optional.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith("http.port: '-1' (from flag --http-port)"),
                        p -> assertThat(p).startsWith(from + BadRulesFile.PROBLEMS.get(0)),
                        p -> assertThat(p).startsWith(from + BadRulesFile.PROBLEMS.get(1)),
                        p -> assertThat(p).startsWith(from + BadRulesFile.PROBLEMS.get(2)),
                        p -> assertThat(p).startsWith("alerts.out: '")
                                .contains("(from flag --alerts-out) cannot be written")));
    }

    @Test
    void refusesARulesFileThatIsMissingOrNotYaml() throws Exception {
        Path notYaml = dir.resolve("broken.yaml");
        Files.writeString(notYaml, "rules: [ {");

        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72", "rules",
                notYaml.toString()), Map.of(), Optional.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("(from flag --rules) not valid YAML"));
        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72"),
                Map.of("TWIN_RULES", dir.resolve("missing.yaml").toString()), Optional.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("rules: '").contains("(from environment TWIN_RULES) no readable file"));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = dir.resolve("twin.properties");
        Files.writeString(file, "kafka.topic=from-file\nkafka.group=file-group\nkafka.bootstrap=file:1\npreset=npo-256\n");
        Map<String, String> env = Map.of("TWIN_KAFKA_TOPIC", "from-env", "TWIN_KAFKA_BOOTSTRAP", "env:2");

        RunSettings s = RunSettings.resolve(SettingSources.of(Map.of("kafka.topic", "from-flag"), env, Optional.of(file)));

        assertThat(s.topic()).isEqualTo("from-flag");
        assertThat(s.kafkaBootstrap()).isEqualTo("env:2");
        assertThat(s.group()).isEqualTo("file-group");
        assertThat(s.preset()).contains("npo-256");
    }

    @Test
    void listsEveryBadSettingWithWhereItCameFrom() {
        Map<String, String> env = Map.of("TWIN_HTTP_PORT", "99999", "TWIN_REBUILD_WINDOW", "soon");
        Map<String, String> flags = Map.of("kafka.bootstrap", "no-port", "kafka.topic", "bad topic!",
                "preset", "cpo-9000", "influx.url", "influx:8086");

        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(flags, env, Optional.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith("kafka.bootstrap: 'no-port' (from flag --bootstrap)"),
                        p -> assertThat(p).startsWith("kafka.topic: 'bad topic!' (from flag --topic)"),
                        p -> assertThat(p).startsWith("preset: 'cpo-9000' (from flag --preset) unknown preset"),
                        p -> assertThat(p).startsWith("http.port: '99999' (from environment TWIN_HTTP_PORT)"),
                        p -> assertThat(p).startsWith("rebuild.window: 'soon' (from environment TWIN_REBUILD_WINDOW)"),
                        p -> assertThat(p).startsWith("influx.url: 'influx:8086' (from flag --influx-url)")));
    }

    @Test
    void needsExactlyOneTopologySource() {
        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(Map.of(), Map.of(), Optional.empty())))
                .hasMessageContaining("topology: give exactly one of --topology FILE, --topology-dir DIR or --preset NAME");
    }

    @Test
    void takesAnyListOrOneSupernodeAndNamesTheInstanceAndItsFleetTopic() {
        RunSettings any = RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72", "supernode", "*",
                "instance", "twin-a", "advertise.url", "http://twin-a.example:8080/"), Map.of(), Optional.empty()));
        assertThat(any.supernode()).isEqualTo("*");
        assertThat(any.fleet()).isEqualTo(new RunSettings.Fleet("twin-a", Optional.of("http://twin-a.example:8080/"),
                "supernode-telemetry.fleet"));
        RunSettings list = RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72", "supernode", "sn01,sn02"),
                Map.of(), Optional.empty()));
        assertThat(list.supernode()).isEqualTo("sn01,sn02");
        assertThat(list.fleet().instance()).isNotBlank();
    }

    @Test
    void rejectsBadSupernodeListsAndAFleetTopicThatIsTheTelemetryTopic() {
        assertThatThrownBy(() -> RunSettings.resolve(SettingSources.of(Map.of("preset", "cpo-72", "supernode",
                "sn01,,sn/02", "fleet.topic", "supernode-telemetry", "advertise.url", "twin-a:8080"), Map.of(),
                Optional.empty())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).anySatisfy(
                        p -> assertThat(p).startsWith("supernode: 'sn01,,sn/02'")).anySatisfy(
                        p -> assertThat(p).startsWith("fleet.topic: must differ")).anySatisfy(
                        p -> assertThat(p).startsWith("advertise.url: 'twin-a:8080'")));
    }
}
