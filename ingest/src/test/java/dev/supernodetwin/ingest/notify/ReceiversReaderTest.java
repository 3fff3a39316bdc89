package dev.supernodetwin.ingest.notify;

import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

class ReceiversReaderTest {
    /** The example of docs/alerting.md, "Notifications". */
    private static final String DOC_EXAMPLE = """
            dashboard_url: http://twin.example:8080/
            receivers:
              - name: am
                alertmanager:
                  url: http://127.0.0.1:9093
                  resend: 60s
                  timeout: 5s
              - name: pager-bridge
                webhook:
                  url: https://hooks.example/twin
                  headers: {Authorization: "Bearer ${PAGER_TOKEN}"}
                  retries: 8
                  backoff: {initial: 500ms, max: 30s}
                  timeout: 5s
                kinds: [anomaly, prediction]
                min_severity: alarm
            """;

    private final ReceiversReader reader = new ReceiversReader(Map.of("PAGER_TOKEN", "s3cret"));

    @Test
    void readsTheDocumentedExampleWithTheTokenFromTheEnvironment() {
        Receivers r = reader.parse(DOC_EXAMPLE, true, "receivers.yaml");

        assertThat(r.dashboardUrl()).hasValue(URI.create("http://twin.example:8080/"));
        assertThat(r.receivers()).extracting(Receiver::name).containsExactly("am", "pager-bridge");
        Destination.Alertmanager am = (Destination.Alertmanager) r.receivers().get(0).destination();
        assertThat(am.alertsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9093/api/v2/alerts"));
        assertThat(am.resend()).isEqualTo(Duration.ofSeconds(60));
        assertThat(r.receivers().get(0).filter()).isEqualTo(AlertFilter.all());
        Destination.Webhook hook = (Destination.Webhook) r.receivers().get(1).destination();
        assertThat(hook.headers()).containsExactly(Map.entry("Authorization", "Bearer s3cret"));
        assertThat(hook.retries()).isEqualTo(8);
        assertThat(hook.backoff()).isEqualTo(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThat(r.receivers().get(1).filter().minSeverity()).isEqualTo(Severity.ALARM);
        assertThat(r.receivers().get(1).filter().kinds()).containsExactlyInAnyOrder(Kind.ANOMALY, Kind.PREDICTION);
    }

    @Test
    void appliesTheDefaultsToAMinimalJsonFile() {
        Receivers r = reader.parse("{\"receivers\": [{\"name\": \"hook\", \"webhook\": {\"url\": \"http://h:1/x\"}},"
                + "{\"name\": \"am\", \"alertmanager\": {\"url\": \"http://am:9093/\"}}]}", false, "r.json");

        Destination.Webhook hook = (Destination.Webhook) r.receivers().get(0).destination();
        assertThat(hook.retries()).isEqualTo(8);
        assertThat(hook.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(hook.backoff()).isEqualTo(Backoff.defaults());
        Destination.Alertmanager am = (Destination.Alertmanager) r.receivers().get(1).destination();
        assertThat(am.resend()).isEqualTo(Duration.ofSeconds(60));
        assertThat(am.alertsEndpoint()).isEqualTo(URI.create("http://am:9093/api/v2/alerts"));
        assertThat(r.dashboardUrl()).isEmpty();
    }

    @Test
    void listsEveryProblemOfTheFileWithItsPath() {
        String bad = """
                dashboard_url: ftp://nope
                colour: blue
                receivers:
                  - name: am
                    alertmanager: {url: http://127.0.0.1:9093, resend: 0s, timeout: soon}
                  - name: am
                    webhook:
                      url: not a url
                      headers: {Authorization: "Bearer ${NO_SUCH_TOKEN}", Idempotency-Key: x}
                      retries: -1
                      backoff: {initial: 10s, max: 1s}
                    kinds: [anomaly, omen]
                    min_severity: fatal
                  - name: both
                    alertmanager: {url: http://a:1}
                    webhook: {url: http://b:1}
                  - 42
                """;

        assertThatThrownBy(() -> reader.parse(bad, true, "bad.yaml"))
                .isInstanceOf(InvalidReceiversException.class)
                .extracting(e -> ((InvalidReceiversException) e).problems(), LIST)
                .containsExactly(
                        "colour: unknown key; expected one of dashboard_url, receivers",
                        "dashboard_url: 'ftp://nope' is not an http(s)://host[:port][/path] URL",
                        "receivers[0].alertmanager.resend: must be between 1s and 1h, was 0s",
                        "receivers[0].alertmanager.timeout: 'soon' is not a duration; write e.g. 500ms, 30s, 10m,"
                                + " 2h, 1d or a number of ms",
                        "receivers[1].name: 'am' is already the name of receivers[0]",
                        "receivers[1].webhook.url: 'not a url' is not an http(s)://host[:port][/path] URL",
                        "receivers[1].webhook.headers.Authorization: ${NO_SUCH_TOKEN} is not set in the environment",
                        "receivers[1].webhook.headers.Idempotency-Key: is set by the twin itself",
                        "receivers[1].webhook.retries: must be a whole number from 0 to 100, was -1",
                        "receivers[1].webhook.backoff.max: must be at least initial (10000ms), was 1000ms",
                        "receivers[1].kinds[1]: unknown 'omen'; expected one of anomaly, prediction",
                        "receivers[1].min_severity: unknown 'fatal'; expected one of warning, alarm, critical",
                        "receivers[2]: needs exactly one of alertmanager or webhook, has both",
                        "receivers[3]: must be an object with name and alertmanager or webhook");
    }

    @Test
    void aMissingListAndBrokenSyntaxAreProblemsNotCrashes() {
        assertThatThrownBy(() -> reader.parse("dashboard_url: http://x:1/", true, "r.yaml"))
                .extracting(e -> ((InvalidReceiversException) e).problems(), LIST)
                .containsExactly("receivers: must be a list (write receivers: [] to notify nobody)");
        assertThatThrownBy(() -> reader.parse("receivers: [", true, "r.yaml"))
                .extracting(e -> ((InvalidReceiversException) e).problems(), LIST)
                .singleElement().asString().startsWith("not valid YAML");
        assertThatThrownBy(() -> reader.parse("[]", false, "r.json"))
                .extracting(e -> ((InvalidReceiversException) e).problems(), LIST)
                .containsExactly("the document must be an object with 'receivers'");
    }

    @Test
    void aReceiverWithoutNameOrUrlSaysWhatIsMissing() {
        assertThatThrownBy(() -> reader.parse("receivers: [{webhook: {headers: {}}, categories: [optical, fog]}]",
                true, "r.yaml"))
                .extracting(e -> ((InvalidReceiversException) e).problems(), LIST)
                .containsExactly("receivers[0].name: missing", "receivers[0].webhook.url: missing",
                        "receivers[0].categories[1]: unknown 'fog'; expected one of thermal, optical, cooling, gpu,"
                                + " power, sensor");
    }

    @Test
    void expandsVariablesInUrlsToo() {
        ReceiversReader withHost = new ReceiversReader(Map.of("AM_HOST", "am.example"));
        Receivers r = withHost.parse("receivers: [{name: am, alertmanager: {url: 'http://${AM_HOST}:9093'},"
                + " categories: [optical]}]", true, "r.yaml");

        assertThat(r.receivers().get(0).destination().url()).isEqualTo(URI.create("http://am.example:9093"));
        assertThat(r.receivers().get(0).filter().categories()).isEqualTo(Set.of(Category.OPTICAL));
    }
}
