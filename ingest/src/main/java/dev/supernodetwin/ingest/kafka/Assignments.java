package dev.supernodetwin.ingest.kafka;

import dev.supernodetwin.core.twin.Twin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * What {@link KafkaFrameSource} does when partitions move. Before partitions are taken away, applied
 * offsets are committed. When partitions arrive, the twin's counts are resumed from the commit
 * metadata, and the recent records before each committed offset are marked for re-reading into state
 * ({@code rebuildUntil}), so the new owner has whole state without applying anything twice.
 * Runs on the consumer's thread, inside {@code poll}.
 */
final class Assignments implements ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(Assignments.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Twin twin;
    private final SourceStats stats;
    private final InstantSource clock;
    private final long rebuildWindowMs;
    private final Map<TopicPartition, Long> rebuildUntil;
    private final Map<TopicPartition, Long> nextOffset;
    private final Runnable commitNow;

    Assignments(Consumer<byte[], byte[]> consumer, Twin twin, SourceStats stats, InstantSource clock,
                long rebuildWindowMs, Map<TopicPartition, Long> rebuildUntil, Map<TopicPartition, Long> nextOffset,
                Runnable commitNow) {
        this.consumer = consumer;
        this.twin = twin;
        this.stats = stats;
        this.clock = clock;
        this.rebuildWindowMs = rebuildWindowMs;
        this.rebuildUntil = rebuildUntil;
        this.nextOffset = nextOffset;
        this.commitNow = commitNow;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        try {
            commitNow.run();
        } catch (KafkaException e) {
            LOG.warn("commit on revocation failed ({}); the next owner re-reads and recognises those frames",
                    e.getMessage());
        }
        partitions.forEach(tp -> {
            nextOffset.remove(tp);
            rebuildUntil.remove(tp);
        });
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        resumeCounts(committed);
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = clock.millis() - rebuildWindowMs;
        partitions.forEach(tp -> since.put(tp, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since);
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            OffsetAndTimestamp start = starts.get(tp);
            if (c != null && start != null && start.offset() < c.offset()) {
                consumer.seek(tp, start.offset());
                rebuildUntil.put(tp, c.offset());
                LOG.info("rebuilding state of {} from offset {} up to the committed offset {}", tp,
                        start.offset(), c.offset());
            }
        }
        stats.rebuilding = !rebuildUntil.isEmpty();
        stats.assigned = consumer.assignment().size();
    }

    /** Counts continue from the highest committed by any earlier owner. */
    private void resumeCounts(Map<TopicPartition, OffsetAndMetadata> committed) {
        long applied = twin.applied();
        long samples = twin.samples();
        for (OffsetAndMetadata c : committed.values()) {
            if (c != null) {
                CommitMetadata m = CommitMetadata.decode(c.metadata()).orElse(null);
                if (m != null && m.applied() > applied) {
                    applied = m.applied();
                    samples = m.samples();
                }
            }
        }
        twin.resumeCounts(applied, samples);
    }
}
