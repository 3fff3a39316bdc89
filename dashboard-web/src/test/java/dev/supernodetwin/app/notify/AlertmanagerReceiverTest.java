package dev.supernodetwin.app.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.ingest.notify.Destination;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.supernodetwin.app.notify.Fakes.T0;
import static dev.supernodetwin.app.notify.Fakes.laser;
import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerReceiverTest {
    private static final Duration RESEND = Duration.ofSeconds(60);

    private final Fakes.Clock clock = new Fakes.Clock();
    private final Fakes.ScriptedTransport transport = new Fakes.ScriptedTransport();
    private final AtomicBoolean silenced = new AtomicBoolean();
    private final NotificationStats stats = new NotificationStats();
    private final AlertmanagerReceiver receiver = new AlertmanagerReceiver("am",
            new Destination.Alertmanager(URI.create("http://am:9093"), RESEND, Duration.ofSeconds(5)),
            new AlertmanagerAlerts(URI.create("http://twin:8080/")),
            Fakes.context(transport, clock, e -> silenced.get()), stats);

    @Test
    void postsAFiringAlertAtOnceAndAgainEveryResendUntilItResolves() throws Exception {
        long wait = receiver.handle(List.of(laser("a-1", T0, State.FIRING)));

        assertThat(transport.requests).hasSize(1);
        assertThat(transport.requests.get(0).url()).isEqualTo(URI.create("http://am:9093/api/v2/alerts"));
        assertThat(alert(0).get("endsAt").asText()).isEqualTo(instant(T0 + 4 * RESEND.toMillis()));
        assertThat(wait).isEqualTo(RESEND.toMillis());

        clock.advance(Duration.ofSeconds(30));
        receiver.handle(List.of());
        assertThat(transport.requests).as("nothing new, resend not due").hasSize(1);

        clock.advance(Duration.ofSeconds(30));
        receiver.handle(List.of());
        assertThat(transport.requests).as("re-sent after resend").hasSize(2);
        assertThat(alert(1).get("startsAt").asText()).isEqualTo(instant(T0));
        assertThat(alert(1).get("endsAt").asText()).isEqualTo(instant(clock.millis + 4 * RESEND.toMillis()));

        clock.advance(Duration.ofSeconds(10));
        receiver.handle(List.of(laser("a-1", clock.millis, State.RESOLVED)));
        assertThat(transport.requests).hasSize(3);
        assertThat(alert(2).get("endsAt").asText()).isEqualTo(instant(clock.millis));
        assertThat(alert(2).get("startsAt").asText()).isEqualTo(instant(T0));

        clock.advance(Duration.ofMinutes(5));
        receiver.handle(List.of());
        assertThat(transport.requests).as("a resolved alert is not re-sent").hasSize(3);
        assertThat(stats.sent(State.FIRING)).isEqualTo(2);
        assertThat(stats.sent(State.RESOLVED)).isEqualTo(1);
    }

    @Test
    void takesOverReSendingARestoredAlertAndResolvesIt() throws Exception {
        String id = "sn01/t01/els0#0/laser@" + T0;
        receiver.restore(laser(id, T0, State.FIRING));
        receiver.handle(List.of());
        assertThat(transport.requests).as("re-sent with the others, so Alertmanager keeps it").hasSize(1);
        assertThat(alert(0).get("labels").get("alert_id").asText()).isEqualTo(id);
        assertThat(alert(0).get("startsAt").asText()).isEqualTo(instant(T0));

        clock.advance(Duration.ofSeconds(10));
        receiver.handle(List.of(laser(id, clock.millis, State.RESOLVED)));
        assertThat(transport.requests).hasSize(2);
        assertThat(alert(1).get("endsAt").asText()).isEqualTo(instant(clock.millis));
    }

    @Test
    void aReleasedSupernodesAlertsAreNeitherReSentNorResolvedHere() throws Exception {
        receiver.handle(List.of(laser("sn01/t01/els0#0/laser@1", T0, State.FIRING),
                laser("sn02/t01/els0#0/laser@1", T0, State.FIRING)));
        assertThat(transport.requests).hasSize(1);
        receiver.release("sn01/");
        clock.advance(RESEND);
        receiver.handle(List.of());
        assertThat(transport.requests).hasSize(2);
        assertThat(body(1)).extracting(a -> a.get("labels").get("alert_id").asText())
                .containsExactly("sn02/t01/els0#0/laser@1");
        assertThat(body(1)).allSatisfy(a -> assertThat(a.get("endsAt").asText()).isNotEqualTo(instant(clock.millis)));
    }

    @Test
    void batchesEveryAlertDueIntoOnePost() throws Exception {
        receiver.handle(List.of(laser("a-1", T0, State.FIRING), laser("a-2", T0, State.FIRING)));
        clock.advance(RESEND);
        receiver.handle(List.of(laser("a-3", clock.millis, State.FIRING)));

        assertThat(transport.requests).hasSize(2);
        assertThat(body(1)).extracting(a -> a.get("labels").get("alert_id").asText())
                .containsExactly("a-3", "a-1", "a-2");
    }

    @Test
    void keepsWhatIsDueWhenAlertmanagerIsDownAndRetriesWithBackoff() throws Exception {
        transport.answer(-1, 503);
        receiver.handle(List.of(laser("a-1", T0, State.FIRING)));
        long wait = receiver.handle(List.of(laser("a-1", T0 + 1_000, State.RESOLVED)));

        assertThat(transport.requests).as("second call before the retry time: no post").hasSize(1);
        assertThat(wait).isEqualTo(1_000);
        clock.advance(Duration.ofSeconds(1));
        receiver.handle(List.of());
        assertThat(transport.requests).hasSize(2);
        assertThat(stats.failed()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        receiver.handle(List.of());

        assertThat(transport.requests).hasSize(3);
        assertThat(body(2)).singleElement().satisfies(a -> assertThat(a.get("endsAt").asText())
                .isEqualTo(instant(T0 + 1_000)));
        assertThat(stats.sent(State.RESOLVED)).isEqualTo(1);
    }

    @Test
    void aSilencedAlertIsNotPostedButItsResolveIs() throws Exception {
        silenced.set(true);
        receiver.handle(List.of(laser("a-1", T0, State.FIRING)));
        clock.advance(RESEND);
        receiver.handle(List.of());
        assertThat(transport.requests).isEmpty();
        assertThat(stats.silenced()).isEqualTo(1);

        receiver.handle(List.of(laser("a-1", clock.millis, State.RESOLVED)));

        assertThat(transport.requests).hasSize(1);
        assertThat(alert(0).get("startsAt").asText()).isEqualTo(instant(T0));
        assertThat(alert(0).get("endsAt").asText()).isEqualTo(instant(clock.millis));
        assertThat(stats.sent(State.FIRING)).isZero();
        assertThat(stats.sent(State.RESOLVED)).isEqualTo(1);
    }

    @Test
    void aSilenceThatEndsLetsTheNextResendThrough() throws Exception {
        silenced.set(true);
        receiver.handle(List.of(laser("a-1", T0, State.FIRING)));
        silenced.set(false);
        clock.advance(RESEND);
        receiver.handle(List.of());

        assertThat(transport.requests).hasSize(1);
        assertThat(alert(0).get("labels").get("alert_id").asText()).isEqualTo("a-1");
    }

    @Test
    void whenTheSeverityChangesTheOldLabelSetIsEnded() throws Exception {
        AlertEvent warning = Fakes.withSeverity(laser("a-1", T0, State.FIRING), Severity.WARNING);
        receiver.handle(List.of(warning));
        clock.advance(Duration.ofSeconds(5));
        receiver.handle(List.of(laser("a-1", clock.millis, State.FIRING)));

        List<JsonNode> second = body(1);
        assertThat(second).hasSize(2);
        assertThat(second.get(0).get("labels").get("severity").asText()).isEqualTo("warning");
        assertThat(second.get(0).get("endsAt").asText()).isEqualTo(instant(clock.millis));
        assertThat(second.get(1).get("labels").get("severity").asText()).isEqualTo("critical");
        assertThat(second.get(1).get("startsAt").asText()).isEqualTo(instant(T0));
    }

    private JsonNode alert(int request) throws Exception {
        List<JsonNode> alerts = body(request);
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    private List<JsonNode> body(int request) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(transport.requests.get(request).body()).forEach(out::add);
        return out;
    }

    private static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
