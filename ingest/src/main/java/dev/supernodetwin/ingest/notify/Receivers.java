package dev.supernodetwin.ingest.notify;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The receivers file ({@code --receivers}, {@code docs/alerting.md} "Notifications"): where alert
 * notifications go, validated by {@link ReceiversReader}.
 *
 * @param dashboardUrl base of the {@code generatorURL} deep links; empty for the served address
 * @param receivers    the receivers, in file order, with unique names
 */
public record Receivers(Optional<URI> dashboardUrl, List<Receiver> receivers) {

    /** Copies the list. */
    public Receivers {
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        receivers = List.copyOf(receivers);
    }

    /** No receivers: nothing is notified. */
    public static Receivers none() {
        return new Receivers(Optional.empty(), List.of());
    }
}
