package dev.supernodetwin.app.run;

import dev.supernodetwin.app.notify.NotificationStats;
import dev.supernodetwin.app.notify.Notifier;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.State;
import dev.supernodetwin.ingest.codec.RejectReason;
import dev.supernodetwin.ingest.kafka.DeadLetters;
import dev.supernodetwin.ingest.kafka.SourceStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import static dev.supernodetwin.ingest.alerts.AlertEventJson.lower;

/**
 * The service's own metrics in Prometheus form: ingest, rejects by reason, lag, apply latency, dead
 * letters, alert events (and history backlog and drops, when history is on). Meters read counters the
 * writer publishes; nothing here runs per sample.
 */
public final class RunMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer applyLatency;
    private final List<Object> sources = new CopyOnWriteArrayList<>();
    /** Alert events by state and category, indexed by the enums' ordinals. */
    private final Counter[][] alertEvents = new Counter[State.values().length][Category.values().length];

    /**
     * Registers the ingest meters of one instance, over every supernode it models.
     *
     * @param instance    the instance's name, a tag on every meter
     * @param rejections  frames rejected so far, by reason
     */
    public RunMetrics(String instance, SourceStats stats, ToDoubleFunction<RejectReason> rejections,
                      DeadLetters deadLetters) {
        registry.config().commonTags("instance", instance);
        counter("twin_frames_applied", "frames applied, over the partitions owned now (counted since each"
                + " partition's first owner)", stats, SourceStats::applied);
        counter("twin_samples_applied", "samples applied, over the partitions owned now", stats, SourceStats::samples);
        counter("twin_frames_duplicate", "re-delivered frames recognised and not applied", stats,
                SourceStats::duplicates);
        counter("twin_records_foreign", "records of supernodes this instance has no topology for, skipped", stats,
                SourceStats::foreign);
        gauge("twin_supernodes_modelled", "supernodes this instance models now", stats, SourceStats::supernodes);
        counter("twin_records_rebuilt", "records re-read to rebuild state after an assignment", stats,
                SourceStats::rebuilt);
        counter("twin_offset_commits", "successful offset commits", stats, SourceStats::commits);
        counter("twin_apply_failures", "records whose frames could not be applied because the twin or a listener"
                + " failed (each logged)", stats, SourceStats::failures);
        for (RejectReason reason : RejectReason.values()) {
            FunctionCounter.builder("twin_frames_rejected", held(rejections), r -> r.applyAsDouble(reason)).description("frames rejected, by reason").tag("reason", reason.code()).register(registry);
        }
        counter("twin_dead_letters_sent", "rejected records written to the dead-letter topic", deadLetters,
                DeadLetters::sent);
        counter("twin_dead_letters_failed", "rejected records that could not be written to the dead-letter topic",
                deadLetters, DeadLetters::failed);
        gauge("twin_consumer_lag_records", "records on the assigned partitions not yet consumed", stats,
                SourceStats::lag);
        gauge("twin_partitions_assigned", "Kafka partitions assigned", stats, SourceStats::assigned);
        gauge("twin_rebuilding", "1 while state is rebuilt from the topic", stats, s -> s.rebuilding() ? 1 : 0);
        applyLatency = Timer.builder("twin_apply_latency").description("Kafka record timestamp to applied in the twin")
                .publishPercentiles(0.5, 0.99, 0.999).distributionStatisticExpiry(Duration.ofMinutes(1))
                .register(registry);
        for (State state : State.values()) {
            for (Category category : Category.values()) {
                alertEvents[state.ordinal()][category.ordinal()] = Counter.builder("twin_alert_events")
                        .description("alert events, by state and category").tag("state", lower(state))
                        .tag("category", lower(category)).register(registry);
            }
        }
    }

    /** Adds the gauge of alerts firing now, read from {@code firing}. */
    public void alerts(java.util.function.IntSupplier firing) {
        gauge("twin_alerts_firing", "alerts firing now, over the supernodes modelled here", firing,
                java.util.function.IntSupplier::getAsInt);
    }

    /** Counts one alert event; an {@link dev.supernodetwin.core.alert.AlertSink}, called on the writer thread. */
    public void alertEvent(AlertEvent e) {
        alertEvents[e.state().ordinal()][e.category().ordinal()].increment();
    }

    /**
     * Adds the history writers' meters, summed over the supernodes modelled (and, for counters, those
     * modelled before): what was written, what waits, what was lost.
     */
    public <T> void history(T totals, ToDoubleFunction<T> written, ToDoubleFunction<T> dropped,
                            ToDoubleFunction<T> rejected, ToDoubleFunction<T> failures, ToDoubleFunction<T> backlog,
                            ToDoubleFunction<T> down) {
        counter("twin_history_points_written", "history points written to InfluxDB", totals, written);
        counter("twin_history_points_dropped", "history points dropped because the buffer was full", totals, dropped);
        counter("twin_history_points_rejected", "history points InfluxDB refused for good", totals, rejected);
        counter("twin_history_write_failures", "failed history writes (retried)", totals, failures);
        gauge("twin_history_backlog_points", "history points waiting to be written", totals, backlog);
        gauge("twin_history_writers_down", "supernodes whose last history write failed", totals, down);
    }

    /** Adds each receiver's notification counters, tagged with its name. */
    public void notifications(Notifier notifier) {
        notifier.stats().forEach((receiver, stats) -> {
            for (State state : State.values()) {
                FunctionCounter.builder("twin_notifications_sent", stats, n -> n.sent(state))
                        .description("alert notifications delivered, by receiver and alert state")
                        .tag("receiver", receiver).tag("state", lower(state)).register(registry);
            }
            receiverCounter("twin_notifications_failed", "notifications that failed (webhook: given up or refused;"
                    + " Alertmanager: failed posts, retried)", receiver, stats, NotificationStats::failed);
            receiverCounter("twin_notifications_dropped", "notifications dropped because the receiver's queue was"
                    + " full (never a resolve)", receiver, stats, NotificationStats::dropped);
            receiverCounter("twin_notifications_silenced", "firing notifications not sent because the alert is"
                    + " silenced", receiver, stats, NotificationStats::silenced);
        });
    }

    private void receiverCounter(String name, String help, String receiver, NotificationStats stats,
                                 ToDoubleFunction<NotificationStats> read) {
        FunctionCounter.builder(name, stats, read).description(help).tag("receiver", receiver).register(registry);
    }

    /** Adds a counter read from {@code source}. */
    public <T> void counter(String name, String help, T source, ToDoubleFunction<T> read) {
        FunctionCounter.builder(name, held(source), read).description(help).register(registry);
    }

    /** Adds a gauge read from {@code source}. */
    public <T> void gauge(String name, String help, T source, ToDoubleFunction<T> read) {
        Gauge.builder(name, held(source), read).description(help).register(registry);
    }

    /**
     * Keeps {@code source} reachable for as long as the meters: Micrometer holds meter sources weakly, and a
     * method reference passed here has no other owner (it would be collected and its meter read nothing).
     */
    private <T> T held(T source) {
        sources.add(source);
        return source;
    }

    /** Records one apply latency. */
    public void latency(long millis) {
        applyLatency.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
