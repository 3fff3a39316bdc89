package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.ingest.notify.AlertFilter;
import dev.supernodetwin.ingest.notify.Backoff;
import dev.supernodetwin.ingest.notify.Destination;
import dev.supernodetwin.ingest.notify.Receiver;
import dev.supernodetwin.ingest.notify.Receivers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.supernodetwin.app.notify.Fakes.T0;
import static dev.supernodetwin.app.notify.Fakes.laser;
import static dev.supernodetwin.app.notify.Fakes.withSeverity;
import static org.assertj.core.api.Assertions.assertThat;

/** What reaches a webhook through the notifier: filters, silences; {@code close()} sends what is queued. */
class NotifierTest {
    private final Fakes.Clock clock = new Fakes.Clock();
    private final Fakes.ScriptedTransport transport = new Fakes.ScriptedTransport();

    private Notifier notifier(Severity least, Predicate<AlertEvent> silenced) {
        AlertFilter filter = new AlertFilter(EnumSet.allOf(AlertEvent.Kind.class),
                EnumSet.allOf(AlertEvent.Category.class), least);
        Receiver hook = new Receiver("hook", new Destination.Webhook(URI.create("http://hook:1/"), Map.of(), 0,
                Backoff.defaults(), Duration.ofSeconds(1)), filter);
        return Notifier.start(new Receivers(Optional.empty(), List.of(hook)), URI.create("http://twin:1/"),
                Fakes.context(transport, clock, silenced));
    }

    @Test
    void aReceiverGetsEveryEventOfAnAlertOnceItsFilterPassedOne() {
        try (Notifier n = notifier(Severity.ALARM, e -> false)) {
            n.onAlert(withSeverity(laser("a-1", T0, State.FIRING), Severity.WARNING));
            n.onAlert(laser("a-2", T0, State.FIRING));
            n.onAlert(withSeverity(laser("a-2", T0 + 1, State.FIRING), Severity.WARNING));
            n.onAlert(withSeverity(laser("a-2", T0 + 2, State.RESOLVED), Severity.WARNING));
            n.onAlert(withSeverity(laser("a-1", T0 + 3, State.RESOLVED), Severity.WARNING));
        }

        assertThat(transport.requests).extracting(r -> r.headers().get("Idempotency-Key")).containsExactly(
                "a-2:firing:" + T0, "a-2:firing:" + (T0 + 1), "a-2:resolved:" + (T0 + 2));
    }

    @Test
    void aSilencedFiringEventIsNotSentButItsResolveIs() {
        Notifier n = notifier(Severity.WARNING, e -> e.id().equals("a-1"));
        try (n) {
            n.onAlert(laser("a-1", T0, State.FIRING));
            n.onAlert(laser("a-1", T0 + 1, State.RESOLVED));
        }

        assertThat(transport.requests).extracting(r -> r.headers().get("Idempotency-Key"))
                .containsExactly("a-1:resolved:" + (T0 + 1));
        assertThat(n.stats().get("hook").silenced()).isEqualTo(1);
        assertThat(n.stats().get("hook").sent(State.RESOLVED)).isEqualTo(1);
    }

    @Test
    void theServedAddressNamesAReachableHost() {
        assertThat(Notifier.servedAddress("127.0.0.1", 8080)).hasToString("http://127.0.0.1:8080/");
        assertThat(Notifier.servedAddress("::1", 8080)).hasToString("http://[::1]:8080/");
        assertThat(Notifier.servedAddress("0.0.0.0", 8080).getHost()).isNotEqualTo("0.0.0.0");
    }
}
