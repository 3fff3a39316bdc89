package dev.supernodetwin.app.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.ingest.alerts.AlertEventJson;
import dev.supernodetwin.ingest.notify.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.supernodetwin.ingest.alerts.AlertEventJson.lower;

/**
 * Sends to a generic webhook: one alert event (wire format §3 JSON) per {@code POST}, with an
 * {@code Idempotency-Key} that is the same on every attempt of that event. Connection errors, 408,
 * 429 and 5xx are retried with exponential backoff and jitter; any other answer outside 2xx is
 * final (logged). Delivery is at least once; the key lets the receiver make it exactly once. Runs on
 * its {@link SenderThread} only.
 */
final class WebhookReceiver implements Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final JsonFactory JSON = new JsonFactory();
    /** How long to wait for new events when there is nothing to do: any value works, nothing is scheduled. */
    private static final long IDLE_MILLIS = 60_000;

    private final String name;
    private final Destination.Webhook destination;
    private final SendContext context;
    private final NotificationStats stats;

    WebhookReceiver(String name, Destination.Webhook destination, SendContext context, NotificationStats stats) {
        this.name = name;
        this.destination = destination;
        this.context = context;
        this.stats = stats;
    }

    /** One event at a time: while one is retried, the queue's drop policy applies to the others. */
    @Override
    public int batch() {
        return 1;
    }

    @Override
    public long handle(List<AlertEvent> events) throws InterruptedException {
        for (AlertEvent e : events) {
            deliver(e);
        }
        return IDLE_MILLIS;
    }

    /** {@code {alert id}:{state}:{ts}}: one key per event, the same on each of its attempts. */
    static String idempotencyKey(AlertEvent e) {
        return e.id() + ":" + lower(e.state()) + ":" + e.ts();
    }

    /** The request body: the event as wire format §3 JSON. */
    static byte[] body(AlertEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            AlertEventJson.write(g, e);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write alert event " + e.id(), ex);
        }
        return out.toByteArray();
    }

    private void deliver(AlertEvent e) throws InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(destination.headers());
        headers.put("Idempotency-Key", idempotencyKey(e));
        byte[] body = body(e);
        for (int attempt = 0; ; attempt++) {
            String problem;
            try {
                int status = context.transport().post(destination.url(), headers, body, destination.timeout());
                if (status / 100 == 2) {
                    stats.countSent(e.state());
                    return;
                }
                problem = "answered " + status;
                if (!retryable(status)) {
                    stats.countFailed();
                    LOG.warn("receiver {}: {} {} {}: not retried", name, destination.url(), problem, headers
                            .get("Idempotency-Key"));
                    return;
                }
            } catch (IOException ex) {
                problem = "failed: " + ex;
            }
            if (attempt >= destination.retries()) {
                stats.countFailed();
                LOG.warn("receiver {}: {} {} for {}; gave up after {} attempts", name, destination.url(), problem,
                        headers.get("Idempotency-Key"), attempt + 1);
                return;
            }
            context.sleeper().sleep(destination.backoff().delay(attempt + 1, context.random().getAsDouble()));
        }
    }

    /** Worth another attempt: the request timed out, was throttled, or the server failed. */
    static boolean retryable(int status) {
        return status == 408 || status == 429 || status / 100 == 5;
    }
}
