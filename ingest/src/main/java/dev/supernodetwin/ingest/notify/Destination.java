package dev.supernodetwin.ingest.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Where a receiver's notifications go: an Alertmanager or a webhook. */
public sealed interface Destination {

    /** The URL notifications are sent to (for an Alertmanager, its base URL). */
    URI url();

    /** How long one HTTP request may take. */
    Duration timeout();

    /**
     * A Prometheus Alertmanager, v2 API: {@code POST {url}/api/v2/alerts}.
     *
     * @param url     base URL, e.g. {@code http://127.0.0.1:9093}
     * @param resend  how often firing alerts are sent again (Alertmanager lets an alert end at its
     *                {@code endsAt} unless it is renewed)
     * @param timeout longest one request may take
     */
    record Alertmanager(URI url, Duration resend, Duration timeout) implements Destination {
        /** Requires every part. */
        public Alertmanager {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(resend, "resend");
            Objects.requireNonNull(timeout, "timeout");
        }

        /** The alerts endpoint: {@code {url}/api/v2/alerts}. */
        public URI alertsEndpoint() {
            String base = url.toString();
            return URI.create((base.endsWith("/") ? base : base + "/") + "api/v2/alerts");
        }
    }

    /**
     * A generic webhook: one alert event (wire format §3) per {@code POST}.
     *
     * @param url     where events are posted
     * @param headers extra request headers (e.g. {@code Authorization}), environment already expanded
     * @param retries attempts after the first, on connection errors, 408, 429 and 5xx
     * @param backoff the wait between attempts
     * @param timeout longest one request may take
     */
    record Webhook(URI url, Map<String, String> headers, int retries, Backoff backoff, Duration timeout)
            implements Destination {
        /** Copies the headers; requires every part. */
        public Webhook {
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(timeout, "timeout");
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be >= 0, was " + retries);
            }
        }
    }
}
