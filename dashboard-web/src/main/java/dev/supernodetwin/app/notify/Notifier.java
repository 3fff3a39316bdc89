package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.core.alert.AlertSink;
import dev.supernodetwin.ingest.notify.AlertFilter;
import dev.supernodetwin.ingest.notify.Destination;
import dev.supernodetwin.ingest.notify.Receiver;
import dev.supernodetwin.ingest.notify.Receivers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends alert events to the receivers of a receivers file ({@code docs/alerting.md} "Notifications").
 * An {@link AlertSink} on the writer thread that never blocks: each receiver has a bounded queue and a
 * sender thread of its own, so a slow or unreachable receiver delays nobody, detection least.
 *
 * <p>A receiver gets the events of an alert from the first one its filter passes until the resolve.
 * A silenced firing event is not sent; a resolve always is.
 */
public final class Notifier implements AlertSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    /** Events waiting per receiver before the oldest firing ones are dropped. */
    public static final int QUEUE_CAPACITY = 1_000;

    /** One receiver: what the writer thread decides, and the sender behind the queue. */
    private static final class Route {
        final String name;
        final AlertFilter filter;
        final boolean checkSilence;
        final EventQueue queue = new EventQueue(QUEUE_CAPACITY);
        final NotificationStats stats = new NotificationStats();
        /** Alerts this receiver has been given and that have not resolved: it gets all their events. */
        final Set<String> given = new HashSet<>();
        /** The Alertmanager sender, which re-sends what fires and so must hear of hand-overs; null for webhooks. */
        AlertmanagerReceiver alertmanager;
        SenderThread sender;

        Route(Receiver r) {
            this.name = r.name();
            this.filter = r.filter();
            // The Alertmanager sender tests silences itself, also at each re-send.
            this.checkSilence = r.destination() instanceof Destination.Webhook;
        }
    }

    private final List<Route> routes;
    private final SendContext context;

    private Notifier(List<Route> routes, SendContext context) {
        this.routes = List.copyOf(routes);
        this.context = context;
    }

    /**
     * Starts a sender per receiver.
     *
     * @param servedAddress the dashboard's address, for deep links when the file sets no {@code dashboard_url}
     */
    public static Notifier start(Receivers receivers, URI servedAddress, SendContext context) {
        AlertmanagerAlerts alerts = new AlertmanagerAlerts(receivers.dashboardUrl().orElse(servedAddress));
        List<Route> routes = new ArrayList<>();
        for (Receiver r : receivers.receivers()) {
            Route route = new Route(r);
            Delivery delivery;
            if (r.destination() instanceof Destination.Alertmanager am) {
                route.alertmanager = new AlertmanagerReceiver(r.name(), am, alerts, context, route.stats);
                delivery = route.alertmanager;
            } else {
                delivery = new WebhookReceiver(r.name(), (Destination.Webhook) r.destination(), context, route.stats);
            }
            route.sender = new SenderThread(r.name(), route.queue, delivery);
            route.sender.start();
            routes.add(route);
        }
        return new Notifier(routes, context);
    }

    @Override
    public void onAlert(AlertEvent e) {
        for (Route route : routes) {
            offer(route, e);
        }
    }

    /**
     * An alert an earlier owner of its supernode reported, re-derived here after a hand-over: nothing is sent
     * for it now, but Alertmanager receivers take over re-sending it while it fires (Alertmanager drops an
     * alert nobody re-sends), and every receiver that was given it will get its resolve.
     */
    @Override
    public void onRestored(AlertEvent e) {
        for (Route route : routes) {
            if (!route.filter.test(e)) {
                continue;
            }
            if (e.state() == State.FIRING) {
                route.given.add(e.id());
            } else {
                route.given.remove(e.id());
            }
            if (route.alertmanager != null) {
                route.alertmanager.restore(e);
            }
        }
    }

    /**
     * The supernode moved to another instance: forget its alerts without sending anything, so this
     * instance neither re-sends them nor resolves them; their new owner does. Writer thread.
     */
    public void release(String supernode) {
        String prefix = supernode + "/";
        for (Route route : routes) {
            route.given.removeIf(id -> id.startsWith(prefix));
            if (route.alertmanager != null) {
                route.alertmanager.release(prefix);
            }
        }
    }

    private void offer(Route route, AlertEvent e) {
        boolean firing = e.state() == State.FIRING;
        boolean given = firing ? !route.given.add(e.id()) : route.given.remove(e.id());
        if (!given && !route.filter.test(e)) {
            if (firing) {
                route.given.remove(e.id());
            }
            return;
        }
        if (firing && route.checkSilence && context.silenced().test(e)) {
            route.stats.countSilenced();
            return;
        }
        int dropped = route.queue.offer(e);
        if (dropped > 0) {
            if (route.stats.dropped() == 0) {
                LOG.warn("receiver {}: queue full ({} events); dropping the oldest firing events", route.name,
                        QUEUE_CAPACITY);
            }
            route.stats.countDropped(dropped);
        }
    }

    /**
     * The dashboard's address as a receiver can reach it: {@code http://HOST:PORT/}, with this machine's
     * name in place of a wildcard bind address.
     */
    public static URI servedAddress(String host, int port) {
        String name = host;
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                name = "127.0.0.1";
            }
        } else if (host.contains(":") && !host.startsWith("[")) {
            name = "[" + host + "]";
        }
        return URI.create("http://" + name + ":" + port + "/");
    }

    /** Each receiver's counters, by name, in file order. */
    public Map<String, NotificationStats> stats() {
        Map<String, NotificationStats> out = new LinkedHashMap<>();
        routes.forEach(r -> out.put(r.name, r.stats));
        return out;
    }

    /** Sends what is still queued (for a bounded time) and stops the senders. */
    @Override
    public void close() {
        routes.forEach(r -> r.sender.close());
    }
}
