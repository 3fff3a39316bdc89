package dev.supernodetwin.app.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.ingest.notify.AlertFilter;
import dev.supernodetwin.ingest.notify.Backoff;
import dev.supernodetwin.ingest.notify.Destination;
import dev.supernodetwin.ingest.notify.Receiver;
import dev.supernodetwin.ingest.notify.Receivers;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Alert events of the twin's real detection path reach a real HTTP receiver that fails the first
 * requests: each event arrives, every retry of it carries the same {@code Idempotency-Key}, and
 * de-duplicating by that key leaves exactly one delivery per event.
 */
class WebhookDeliveryIT {
    /** The receiver's answers to the first requests; later ones get 200. */
    private static final int[] FIRST_ANSWERS = {500, 503, 500};
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One request as the receiver got it, and what it answered. */
    private record Received(String key, String body, int status) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final List<Received> received = new ArrayList<>();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void everyEventArrivesOnceByKeyThoughTheReceiverFailsAtFirst() throws Exception {
        int port = flakyReceiver();
        List<AlertEvent> events;
        try (Notifier notifier = notifier(port)) {
            LaserFaultRig rig = new LaserFaultRig(notifier);
            rig.resolved(rig.firing().id());
            events = rig.events();
            NotificationStats stats = notifier.stats().get("hook");
            awaitTrue("every event is delivered", () -> stats.sent(State.FIRING) + stats.sent(State.RESOLVED)
                    == events.size());
            assertThat(stats.failed()).isZero();
        }

        List<Received> requests = snapshot();
        assertThat(requests).hasSizeGreaterThan(events.size());
        assertThat(requests.subList(0, FIRST_ANSWERS.length + 1)).as("the first event, refused three times, then taken")
                .extracting(Received::key).containsOnly(WebhookReceiver.idempotencyKey(events.get(0)));
        Map<String, List<Received>> accepted = requests.stream().filter(r -> r.status() == 200)
                .collect(Collectors.groupingBy(Received::key, LinkedHashMap::new, Collectors.toList()));
        assertThat(accepted.keySet()).containsExactlyElementsOf(events.stream().map(WebhookReceiver::idempotencyKey)
                .toList());
        assertThat(accepted.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        ObjectMapper json = new ObjectMapper();
        for (AlertEvent e : events) {
            JsonNode body = json.readTree(accepted.get(WebhookReceiver.idempotencyKey(e)).get(0).body());
            assertThat(body.get("id").asText()).isEqualTo(e.id());
            assertThat(body.get("state").asText()).isEqualTo(e.state().name().toLowerCase());
            assertThat(body.get("ts").asLong()).isEqualTo(e.ts());
        }
        assertThat(events).extracting(AlertEvent::state).contains(State.FIRING, State.RESOLVED);
    }

    /** Starts the receiver on a free port: it fails the first requests, then accepts. */
    private int flakyReceiver() throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            int status;
            synchronized (received) {
                status = received.size() < FIRST_ANSWERS.length ? FIRST_ANSWERS[received.size()] : 200;
                received.add(new Received(req.getHeader("Idempotency-Key"), body.toString(), status));
            }
            req.response().setStatusCode(status).end();
        }));
        return server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    }

    private List<Received> snapshot() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private static Notifier notifier(int port) {
        Receiver hook = new Receiver("hook", new Destination.Webhook(URI.create("http://127.0.0.1:" + port + "/alerts"),
                Map.of(), 8, new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)), Duration.ofSeconds(5)),
                AlertFilter.all());
        return Notifier.start(new Receivers(Optional.empty(), List.of(hook)), URI.create("http://127.0.0.1:1/"),
                SendContext.system(SendContext.nothingSilenced()));
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
