package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.ingest.notify.Backoff;
import dev.supernodetwin.ingest.notify.Destination;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.supernodetwin.app.notify.Fakes.T0;
import static dev.supernodetwin.app.notify.Fakes.laser;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookReceiverTest {
    private final Fakes.Clock clock = new Fakes.Clock();
    private final Fakes.ScriptedTransport transport = new Fakes.ScriptedTransport();
    private final NotificationStats stats = new NotificationStats();

    private WebhookReceiver receiver(int retries) {
        return new WebhookReceiver("hook", new Destination.Webhook(URI.create("http://hook:1/in"),
                Map.of("Authorization", "Bearer t"), retries,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)), Duration.ofSeconds(5)),
                Fakes.context(transport, clock, e -> false), stats);
    }

    @Test
    void postsOneEventPerRequestAsWireFormatJsonWithItsIdempotencyKey() throws Exception {
        AlertEvent e = laser("a-7", T0 + 42, State.FIRING);

        receiver(8).handle(List.of(e));

        assertThat(transport.requests).singleElement().satisfies(r -> {
            assertThat(r.url()).isEqualTo(URI.create("http://hook:1/in"));
            assertThat(r.headers()).containsEntry("Idempotency-Key", "a-7:firing:" + (T0 + 42))
                    .containsEntry("Authorization", "Bearer t");
            assertThat(r.body()).startsWith("{\"id\":\"a-7\",\"ts\":" + (T0 + 42) + ",\"supernode\":\"sn01\","
                    + "\"state\":\"firing\"");
        });
        assertThat(stats.sent(State.FIRING)).isEqualTo(1);
    }

    @Test
    void retriesConnectionErrorsAndServerErrorsWithTheSameKeyAndGrowingWaits() throws Exception {
        transport.answer(-1, 500, 503, 429, 408);
        AlertEvent e = laser("a-7", T0, State.RESOLVED);

        receiver(8).handle(List.of(e));

        assertThat(transport.requests).hasSize(6).extracting(r -> r.headers().get("Idempotency-Key"))
                .containsOnly("a-7:resolved:" + T0);
        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000),
                Duration.ofMillis(2000), Duration.ofMillis(4000), Duration.ofMillis(8000));
        assertThat(stats.sent(State.RESOLVED)).isEqualTo(1);
        assertThat(stats.failed()).isZero();
    }

    @Test
    void givesUpAfterItsRetries() throws Exception {
        transport.answer(500, 500, 500, 500);

        receiver(2).handle(List.of(laser("a-7", T0, State.FIRING)));

        assertThat(transport.requests).hasSize(3);
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.sent(State.FIRING)).isZero();
    }

    @Test
    void doesNotRetryARefusal() throws Exception {
        transport.answer(401);

        receiver(8).handle(List.of(laser("a-7", T0, State.FIRING), laser("a-8", T0, State.FIRING)));

        assertThat(transport.requests).hasSize(2);
        assertThat(clock.sleeps).isEmpty();
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.sent(State.FIRING)).isEqualTo(1);
    }

    @Test
    void eachEventHasItsOwnKey() {
        assertThat(WebhookReceiver.idempotencyKey(laser("a-7", T0, State.FIRING)))
                .isNotEqualTo(WebhookReceiver.idempotencyKey(laser("a-7", T0 + 1, State.FIRING)))
                .isNotEqualTo(WebhookReceiver.idempotencyKey(laser("a-7", T0, State.RESOLVED)));
    }
}
