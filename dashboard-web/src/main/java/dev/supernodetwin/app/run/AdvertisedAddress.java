package dev.supernodetwin.app.run;

import dev.supernodetwin.app.notify.Notifier;
import dev.supernodetwin.dashboard.api.SupernodeSummary;

import java.net.URI;
import java.util.Optional;

/**
 * The dashboard address other instances, alerts and the fleet view link to: {@code --advertise-url} when
 * set (behind a load balancer, in a pod), else {@code http(s)://HOST:PORT/} once the port is bound.
 */
final class AdvertisedAddress {
    private final Optional<String> configured;
    private final String host;
    private final boolean tls;
    private volatile String served;

    AdvertisedAddress(Optional<String> configured, String host, boolean tls) {
        this.configured = configured.map(u -> u.endsWith("/") ? u : u + "/");
        this.host = host;
        this.tls = tls;
    }

    /** The port is bound. */
    void served(int port) {
        String http = Notifier.servedAddress(host, port).toString();
        served = tls ? http.replaceFirst("^http://", "https://") : http;
    }

    /** The address, once known. */
    Optional<String> url() {
        return configured.isPresent() ? configured : Optional.ofNullable(served);
    }

    /** The address as a URI; only after {@link #served}. */
    URI uri() {
        return URI.create(url().orElseThrow());
    }

    /** This instance as the owner in its summaries: with its address once that is known. */
    SupernodeSummary.Owner owner(String instance) {
        return new SupernodeSummary.Owner(instance, url());
    }
}
