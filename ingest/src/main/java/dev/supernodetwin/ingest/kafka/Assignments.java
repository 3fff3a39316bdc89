package dev.supernodetwin.ingest.kafka;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What {@link KafkaFrameSource} does when partitions move. Before partitions are taken away, the source
 * commits and closes their shards. When partitions arrive, each one's counts are resumed from the commit
 * metadata, and the recent records before its committed offset (found with {@code offsetsForTimes}) are
 * marked for re-reading into state, so the new owner has whole state, and its detection the alerts that
 * are open, without applying or reporting anything twice. Runs on the consumer's thread, inside
 * {@code poll}.
 */
final class Assignments implements ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(Assignments.class);

    /**
     * Where an arriving partition starts.
     *
     * @param committed   the committed offset (0 when the group never committed one)
     * @param applied     frames applied up to it, by earlier owners
     * @param samples     samples in those frames
     * @param rebuildFrom the offset to re-read from, when recent records precede the committed offset
     */
    record Start(long committed, long applied, long samples, OptionalLong rebuildFrom) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Consumer<Map<TopicPartition, Start>> assigned;
    /** Told the partitions leaving, and whether their offsets may still be committed (not when lost). */
    private final BiConsumer<Collection<TopicPartition>, Boolean> revoked;
    private final InstantSource clock;
    private final long rebuildWindowMs;

    Assignments(KafkaConsumer<byte[], byte[]> consumer,
                Consumer<Map<TopicPartition, Start>> assigned, BiConsumer<Collection<TopicPartition>, Boolean> revoked,
                InstantSource clock, long rebuildWindowMs) {
        this.consumer = consumer;
        this.assigned = assigned;
        this.revoked = revoked;
        this.clock = clock;
        this.rebuildWindowMs = rebuildWindowMs;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            revoked.accept(partitions, true);
        }
    }

    /** Lost without a chance to commit (the session expired): the next owner re-reads from the last commit. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        LOG.warn("partitions {} lost to another instance without a final commit", partitions);
        if (!partitions.isEmpty()) {
            revoked.accept(partitions, false);
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = clock.millis() - rebuildWindowMs;
        partitions.forEach(tp -> since.put(tp, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since);
        Map<TopicPartition, Start> out = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            OffsetAndTimestamp start = starts.get(tp);
            CommitMetadata counts = c == null ? new CommitMetadata(0, 0)
                    : CommitMetadata.decode(c.metadata()).orElse(new CommitMetadata(0, 0));
            OptionalLong rebuildFrom = OptionalLong.empty();
            if (c != null && start != null && start.offset() < c.offset()) {
                rebuildFrom = OptionalLong.of(start.offset());
                LOG.info("rebuilding state of {} from offset {} up to the committed offset {}", tp,
                        start.offset(), c.offset());
            }
            out.put(tp, new Start(c == null ? 0 : c.offset(), counts.applied(), counts.samples(), rebuildFrom));
        }
        assigned.accept(out);
    }
}
