package dev.supernodetwin.app.run;

import dev.supernodetwin.dashboard.http.ServiceProbes;
import dev.supernodetwin.ingest.kafka.SourceStats;

import java.time.InstantSource;

/**
 * Readiness and liveness of {@code twin run}. Ready: partitions assigned, state rebuilt, polling.
 * Alive: the writer thread runs and polls, or is still within its start-up grace.
 */
final class RunProbes implements ServiceProbes {
    private static final long READY_POLL_AGE_MS = 10_000;
    private static final long ALIVE_POLL_AGE_MS = 60_000;

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
        if (stats.assigned() == 0) {
            return new Health(false, "no Kafka partition assigned yet");
        }
        if (stats.rebuilding()) {
            return new Health(false, "rebuilding state from the topic");
        }
        long age = clock.millis() - stats.lastPollMillis();
        if (age > READY_POLL_AGE_MS) {
            return new Health(false, "no successful poll for " + age / 1000 + " s");
        }
        return new Health(true, "consuming; lag " + stats.lag() + " records");
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
