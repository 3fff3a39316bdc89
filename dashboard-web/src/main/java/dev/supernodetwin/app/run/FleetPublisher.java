package dev.supernodetwin.app.run;

import dev.supernodetwin.app.runtime.Daemons;
import dev.supernodetwin.ingest.kafka.CompactedTopic;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the summary of every supernode this instance models to the fleet topic, every
 * {@link #EVERY_MS}, off the writer thread (summaries read only published views).
 */
final class FleetPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetPublisher.class);
    /** How often summaries are published; {@link FleetBoard#STALE_AFTER_MS} is a few of these. */
    static final long EVERY_MS = 2_000;

    private final ScheduledExecutorService timer = Daemons.scheduler("twin-fleet-publisher");

    FleetPublisher(ShardRegistry shards, CompactedTopic topic) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                for (JsonObject summary : shards.summarise().values()) {
                    topic.publish(summary.getString("supernode"), summary.toBuffer().getBytes());
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot publish the fleet summaries: {}", e.toString());
            }
        }, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
