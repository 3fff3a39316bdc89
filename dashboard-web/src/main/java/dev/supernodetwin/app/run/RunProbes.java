package dev.supernodetwin.app.run;

import dev.supernodetwin.dashboard.http.ServiceProbes;
import dev.supernodetwin.ingest.kafka.SourceStats;

import java.time.InstantSource;

/**
 * Readiness and liveness of {@code twin run}. Ready: partitions assigned and state rebuilt, polling; or,
 * after {@link #JOIN_GRACE_MS}, polling without a partition (a standby: the group has more instances than
 * the topic has partitions, and this one still serves the fleet view). Alive: the writer thread runs and
 * polls, or is still within its start-up grace.
 */
final class RunProbes implements ServiceProbes {
    private static final long READY_POLL_AGE_MS = 10_000;
    private static final long ALIVE_POLL_AGE_MS = 60_000;
    /** How long a new instance may take to join its group and be given partitions. */
    static final long JOIN_GRACE_MS = 30_000;

    private final SourceStats stats;
    private final Thread writer;
    private final InstantSource clock;
    private final long startedAt;
    private final RunMetrics metrics;

    RunProbes(SourceStats stats, Thread writer, InstantSource clock, RunMetrics metrics) {
        this.stats = stats;
        this.writer = writer;
        this.clock = clock;
        this.startedAt = clock.millis();
        this.metrics = metrics;
    }

    @Override
    public Health ready() {
        if (stats.fatal() != null) {
            return new Health(false, "stopped: " + stats.fatal());
        }
        long now = clock.millis();
        if (stats.assigned() == 0 && (stats.lastPollMillis() == 0 || now - startedAt < JOIN_GRACE_MS)) {
            return new Health(false, "no Kafka partition assigned yet");
        }
        if (stats.rebuilding()) {
            return new Health(false, "rebuilding state from the topic");
        }
        long age = now - stats.lastPollMillis();
        if (age > READY_POLL_AGE_MS) {
            return new Health(false, "no successful poll for " + age / 1000 + " s");
        }
        if (stats.assigned() == 0) {
            return new Health(true, "standby: no partition assigned (more instances than partitions); serving"
                    + " the fleet view");
        }
        return new Health(true, "consuming " + stats.supernodes() + " supernode(s) on " + stats.assigned()
                + " partition(s); lag " + stats.lag() + " records");
    }

    @Override
    public Health alive() {
        if (!writer.isAlive()) {
            return new Health(false, "the ingest thread has stopped" + (stats.fatal() == null ? "" : ": " + stats.fatal()));
        }
        long now = clock.millis();
        long since = stats.lastPollMillis() == 0 ? now - startedAt : now - stats.lastPollMillis();
        if (since > ALIVE_POLL_AGE_MS) {
            return new Health(false, "no poll for " + since / 1000 + " s");
        }
        return new Health(true, "polling");
    }

    @Override
    public String metrics() {
        return metrics.scrape();
    }
}
