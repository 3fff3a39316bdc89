package dev.supernodetwin.app.notify;

import dev.supernodetwin.app.notify.AlertmanagerAlerts.Posted;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.ingest.notify.Backoff;
import dev.supernodetwin.ingest.notify.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends to a Prometheus Alertmanager (v2 API). Alertmanager holds an alert until its {@code endsAt}, so
 * this keeps the alerts that fire and posts them again every {@code resend} with
 * {@code endsAt = now + 4 × resend}; a resolve is posted with {@code endsAt} = the resolve time, also
 * for a silenced alert, so that nothing stays firing there. A failed post keeps its alerts due and is
 * retried with backoff (up to {@code resend} apart). Runs on its {@link SenderThread} only.
 */
final class AlertmanagerReceiver implements Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerReceiver.class);
    /** Alertmanager ends an alert at its endsAt: this many missed re-sends before it does. */
    static final int RESENDS_HELD = 4;

    /** An alert firing now: its latest event, when it started and the labels Alertmanager has for it. */
    private static final class Firing {
        AlertEvent event;
        final long startsAt;
        Map<String, String> postedLabels;

        Firing(AlertEvent event) {
            this.event = event;
            this.startsAt = event.ts();
        }
    }

    private final String name;
    private final Destination.Alertmanager destination;
    private final AlertmanagerAlerts alerts;
    private final SendContext context;
    private final NotificationStats stats;
    private final Backoff retry;
    private final Map<String, Firing> firing = new LinkedHashMap<>();
    /** Firing alerts to post, by id; true when an event (not a re-send) made them due. */
    private final Map<String, Boolean> dueFiring = new LinkedHashMap<>();
    /** Resolves to post, in order; kept until a post succeeds. */
    private final List<Posted> dueResolves = new ArrayList<>();
    /**
     * Hand-overs, from the writer thread: a restored event to take over, or (event null) the id prefix of
     * a supernode that left. Applied at the next {@link #handle}, in order, before anything is sent.
     */
    private record Handover(AlertEvent restored, String releasedPrefix) {
    }

    private final Queue<Handover> handovers = new ConcurrentLinkedQueue<>();
    private long nextResend = Long.MIN_VALUE;
    private long retryAt = Long.MIN_VALUE;
    private int failures;

    AlertmanagerReceiver(String name, Destination.Alertmanager destination, AlertmanagerAlerts alerts,
                         SendContext context, NotificationStats stats) {
        this.name = name;
        this.destination = destination;
        this.alerts = alerts;
        this.context = context;
        this.stats = stats;
        this.retry = new Backoff(Duration.ofSeconds(1), destination.resend());
    }

    @Override
    public int batch() {
        return Integer.MAX_VALUE;
    }

    /** Takes over an alert an earlier owner posted (see {@link Notifier#onRestored}); any thread. */
    void restore(AlertEvent e) {
        handovers.add(new Handover(e, null));
    }

    /** Stops re-sending the alerts whose ids start with {@code idPrefix}, sending nothing; any thread. */
    void release(String idPrefix) {
        handovers.add(new Handover(null, idPrefix));
    }

    private void applyHandovers() {
        for (Handover next = handovers.poll(); next != null; next = handovers.poll()) {
            Handover h = next;
            if (h.restored() == null) {
                String prefix = h.releasedPrefix();
                firing.keySet().removeIf(id -> id.startsWith(prefix));
                dueFiring.keySet().removeIf(id -> id.startsWith(prefix));
            } else if (h.restored().state() == State.FIRING) {
                // Posted by the earlier owner already: re-sent with the others, not as news.
                firing.computeIfAbsent(h.restored().id(), id -> new Firing(h.restored())).event = h.restored();
            } else {
                firing.remove(h.restored().id());
                dueFiring.remove(h.restored().id());
            }
        }
    }

    @Override
    public long handle(List<AlertEvent> events) throws InterruptedException {
        applyHandovers();
        events.forEach(this::apply);
        long now = context.clock().millis();
        if (now >= nextResend) {
            firing.keySet().forEach(id -> dueFiring.putIfAbsent(id, false));
            nextResend = now + destination.resend().toMillis();
        }
        if ((!dueFiring.isEmpty() || !dueResolves.isEmpty()) && now >= retryAt) {
            post(now);
        }
        long wake = dueResolves.isEmpty() && dueFiring.isEmpty() ? nextResend : Math.min(nextResend, retryAt);
        return Math.max(1, wake - now);
    }

    /** Alerts this receiver holds as firing, for tests and logs. */
    int firing() {
        return firing.size();
    }

    private void apply(AlertEvent e) {
        if (e.state() == State.FIRING) {
            firing.computeIfAbsent(e.id(), id -> new Firing(e)).event = e;
            dueFiring.put(e.id(), true);
            return;
        }
        Firing f = firing.remove(e.id());
        dueFiring.remove(e.id());
        long startsAt = f == null ? e.ts() : Math.min(f.startsAt, e.ts());
        Posted resolve = alerts.of(e, startsAt, e.ts());
        dueResolves.add(resolve);
        if (f != null && f.postedLabels != null && !f.postedLabels.equals(resolve.labels())) {
            // Alertmanager knows the alert by labels it no longer has: end that one too.
            dueResolves.add(new Posted(f.postedLabels, resolve.annotations(), startsAt, e.ts(), resolve.generatorUrl()));
        }
    }

    private void post(long now) throws InterruptedException {
        List<Posted> batch = new ArrayList<>();
        List<Firing> posted = new ArrayList<>();
        for (Map.Entry<String, Boolean> due : dueFiring.entrySet()) {
            Firing f = firing.get(due.getKey());
            if (context.silenced().test(f.event)) {
                if (due.getValue()) {
                    stats.countSilenced();
                }
                continue;
            }
            Posted p = alerts.of(f.event, f.startsAt, Math.max(now, f.event.ts()) + RESENDS_HELD
                    * destination.resend().toMillis());
            if (f.postedLabels != null && !f.postedLabels.equals(p.labels())) {
                // Severity, kind or category changed: the old label set is another Alertmanager alert; end it.
                batch.add(new Posted(f.postedLabels, p.annotations(), f.startsAt, f.event.ts(), p.generatorUrl()));
            }
            batch.add(p);
            posted.add(f);
        }
        batch.addAll(dueResolves);
        Outcome outcome = batch.isEmpty() ? Outcome.REFUSED : send(batch);
        if (outcome != Outcome.RETRY) {
            if (outcome == Outcome.SENT) {
                for (Firing f : posted) {
                    f.postedLabels = AlertmanagerAlerts.labels(f.event);
                    stats.countSent(State.FIRING);
                }
                dueResolves.forEach(r -> stats.countSent(State.RESOLVED));
            }
            dueFiring.clear();
            dueResolves.clear();
            failures = 0;
            retryAt = Long.MIN_VALUE;
        } else {
            failures++;
            retryAt = now + retry.delay(failures, context.random().getAsDouble()).toMillis();
        }
    }

    private enum Outcome { SENT, REFUSED, RETRY }

    /** Posts the batch: sent, refused for good (logged), or to be retried. */
    private Outcome send(List<Posted> batch) throws InterruptedException {
        try {
            int status = context.transport().post(destination.alertsEndpoint(), Map.of(), AlertmanagerAlerts.body(batch),
                    destination.timeout());
            if (status / 100 == 2) {
                return Outcome.SENT;
            }
            stats.countFailed();
            if (status == 400) {
                // A body Alertmanager refuses will be refused again: say so loudly and do not loop on it.
                LOG.error("receiver {}: Alertmanager refused {} alerts (400); they are not sent", name, batch.size());
                return Outcome.REFUSED;
            }
            LOG.warn("receiver {}: Alertmanager answered {}; retrying", name, status);
        } catch (IOException e) {
            stats.countFailed();
            LOG.warn("receiver {}: cannot reach Alertmanager at {}: {}; retrying", name, destination.url(),
                    e.toString());
        }
        return Outcome.RETRY;
    }
}
