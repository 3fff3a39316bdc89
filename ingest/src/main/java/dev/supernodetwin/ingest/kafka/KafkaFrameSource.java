package dev.supernodetwin.ingest.kafka;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectionSink;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongConsumer;

/**
 * Feeds the twins of the supernodes this instance owns from a Kafka topic, as a member of a consumer
 * group. Records are keyed by supernode, so a supernode lives on one partition and the group's
 * assignment decides which instance models it: a {@link Shard} is opened when a supernode's first record
 * arrives on an owned partition and closed when the partition moves away. The thread running
 * {@link #run()} is every shard's single writer.
 *
 * <ul>
 *   <li>Offsets are committed only after the frames they cover are applied, with the partition's counts
 *   as commit metadata; re-delivered frames are dropped by the twins' duplicate filters. A batch that
 *   raised or resolved an alert is committed at once ({@link #commitSoon()}), so a new owner does not
 *   re-read, and re-report, what was already reported.</li>
 *   <li>After an assignment (a start, a restart, a rebalance) recent records before the committed
 *   offset are re-read with {@link Twin#rebuild}: state and detection are whole again, and nothing is
 *   applied or reported twice.</li>
 *   <li>Rejected frames go to the dead-letter topic; records of supernodes without a topology here are
 *   skipped and counted.</li>
 *   <li>Errors are classified: fatal ones stop the source with a message, offset problems seek, the
 *   rest are logged and retried. {@link #close()} stops it with {@code wakeup()}.</li>
 * </ul>
 */
public final class KafkaFrameSource implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFrameSource.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** A shard as this source tracks it. */
    private static final class Feed {
        final Shard shard;
        final TopicPartition partition;
        final byte[] key;
        /** A decoder of its own for re-read records, so they never count as rejections again. */
        final FrameDecoder rebuildDecoder;

        Feed(Shard shard, TopicPartition partition, byte[] key) {
            this.shard = shard;
            this.partition = partition;
            this.key = key;
            this.rebuildDecoder = new FrameDecoder(shard.twin().state().layout(), shard.decoder().limits());
        }
    }

    private final KafkaSourceSettings settings;
    private final Shards shards;
    private final DeadLetters deadLetters;
    private final InstantSource clock;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SourceStats stats = new SourceStats();
    private final Map<TopicPartition, Long> rebuildUntil = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    /** Frames and samples applied per owned partition, since its first owner (resumed from commit metadata). */
    private final Map<TopicPartition, long[]> counts = new HashMap<>();
    private final Map<String, Feed> feeds = new HashMap<>();
    /** Supernodes seen without a topology here: skipped, reported once. */
    private final Set<String> unknown = new HashSet<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile boolean commitSoon;
    private LongConsumer latencyMillis = ms -> { };
    private long lastCommit;
    private long rejectedByDecoder;
    private long duplicates;
    /** The last record's feed, so consecutive records of one supernode skip the key lookup. */
    private Feed last;

    /**
     * @param settings    where to read from
     * @param shards      the supernodes this instance can model, opened as their records arrive
     * @param deadLetters where rejected records go
     * @param clock       wall clock, for commit pacing and the rebuild window
     */
    public KafkaFrameSource(KafkaSourceSettings settings, Shards shards, DeadLetters deadLetters, InstantSource clock) {
        this.settings = settings;
        this.shards = shards;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static Properties consumerProperties(KafkaSourceSettings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.group());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, s.clientId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // Low fetch wait keeps append-to-applied latency in milliseconds (performance reference §4.2).
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        // A crashed instance's partitions move on after 10 s instead of the default 45 s.
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        // Only the partitions that move are revoked when an instance joins or leaves: the others keep their
        // supernodes (state, open alerts, pages) instead of closing and rebuilding them all.
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return p;
    }

    /** Commits after the current batch instead of waiting for the commit interval; any thread. */
    public void commitSoon() {
        commitSoon = true;
    }

    /** Told, per record, the milliseconds from the record's Kafka timestamp to applied. */
    public void onLatency(LongConsumer hook) {
        this.latencyMillis = hook;
    }

    /** Counters for metrics and readiness, safe to read from any thread. */
    public SourceStats stats() {
        return stats;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), new Assignments(consumer, this::assigned, this::revoked,
                    clock, settings.rebuildWindowMs()));
            warnIfFewPartitions();
            while (!closing) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (!closing) {
                stats.fatal = "consumer woken up unexpectedly";
            }
        } catch (AuthenticationException | AuthorizationException | InvalidTopicException
                 | UnsupportedVersionException | InterruptException e) {
            stats.fatal = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("stopping: cannot consume {} from {}: {}", settings.topic(), settings.bootstrap(), stats.fatal);
        } finally {
            try {
                commit(true);
            } catch (KafkaException e) {
                LOG.warn("final commit failed ({}); the uncommitted frames will be re-read and recognised", e.getMessage());
            }
            new ArrayList<>(feeds.values()).forEach(this::closeFeed);
            consumer.close(Duration.ofSeconds(10));
            stopped.countDown();
        }
    }

    private void pollOnce() {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(POLL);
        } catch (InvalidOffsetException e) {
            // The committed position fell out of retention or was never there: restart at the earliest.
            LOG.warn("offset problem on {} ({}); seeking to the earliest retained record", e.partitions(), e.getMessage());
            consumer.seekToBeginning(e.partitions());
            return;
        } catch (WakeupException | AuthenticationException | AuthorizationException | InvalidTopicException
                 | UnsupportedVersionException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("transient Kafka error, retrying: {}", e.getMessage());
            sleepQuietly(500);
            return;
        }
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(tp);
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                try {
                    process(tp, record);
                } catch (RuntimeException e) {
                    // A fault in what follows the twin (detection, an output) must be seen, and must not stop
                    // the other supernodes: log it, count it, go on with the next record.
                    if (stats.failures++ < 20) {
                        LOG.error("applying {}@{} failed; the record's remaining frames are skipped", tp,
                                record.offset(), e);
                    }
                }
            }
            nextOffset.put(tp, batch.get(batch.size() - 1).offset() + 1);
        }
        finishRebuilds();
        publishStats();
        boolean now = commitSoon;
        commitSoon = false;
        try {
            commit(now);
        } catch (RebalanceInProgressException | CommitFailedException e) {
            // Partitions are moving: the rebalance listener commits what it can; try again after the next poll.
            LOG.debug("commit deferred: {}", e.getMessage());
            commitSoon = now;
        } catch (KafkaException e) {
            LOG.warn("offset commit failed, will retry: {}", e.getMessage());
            commitSoon = now;
        }
        shards.afterBatch();
    }

    private void process(TopicPartition tp, ConsumerRecord<byte[], byte[]> record) {
        Long until = rebuildUntil.get(tp);
        boolean rebuild = until != null && record.offset() < until;
        if (until != null && !rebuild) {
            rebuildUntil.remove(tp);
            rebuildsDone(tp);
        }
        Feed feed = feed(tp, record.key());
        if (rebuild) {
            if (feed != null && record.value() != null) {
                feed.rebuildDecoder.decode(record.value(), feed.shard.twin()::rebuild, RejectionSink.ignoring());
            }
            stats.rebuilt++;
            return;
        }
        if (feed == null) {
            stats.foreign++;
            return;
        }
        if (record.value() == null) {
            return;
        }
        long[] count = counts.computeIfAbsent(tp, p -> new long[2]);
        Twin twin = feed.shard.twin();
        feed.shard.decoder().decode(record.value(), (FrameBuffer frame) -> {
            if (twin.apply(frame) == Twin.Outcome.APPLIED) {
                count[0]++;
                count[1] += frame.size();
            } else {
                duplicates++;
            }
        }, rejection -> {
            rejectedByDecoder++;
            deadLetters.send(record, rejection.withSource(tp + "@" + record.offset()));
        });
        latencyMillis.accept(clock.millis() - record.timestamp());
    }

    /** The feed of the record's supernode, opened on first sight; null when this instance does not model it. */
    private Feed feed(TopicPartition tp, byte[] key) {
        if (last != null && last.partition.equals(tp) && (key == null ? last.key == null : Arrays.equals(key, last.key))) {
            return last;
        }
        String supernode = key == null ? shards.unkeyed().orElse(null) : new String(key, StandardCharsets.UTF_8);
        if (supernode == null || unknown.contains(supernode)) {
            return null;
        }
        Feed feed = feeds.get(supernode);
        if (feed == null) {
            Optional<Shard> shard = shards.open(supernode, tp.partition(), rebuildUntil.containsKey(tp));
            if (shard.isEmpty()) {
                unknown.add(supernode);
                LOG.warn("records of supernode '{}' on {}: no topology for it here, skipped (see --supernode,"
                        + " --preset and --topology-dir)", supernode, tp);
                return null;
            }
            feed = new Feed(shard.get(), tp, key);
            feeds.put(supernode, feed);
            LOG.info("supernode {} on {}: {}", supernode, tp, rebuildUntil.containsKey(tp)
                    ? "rebuilding its state from recent records" : "modelled from now on");
            if (!rebuildUntil.containsKey(tp)) {
                shards.rebuilt(feed.shard);
            }
        } else if (!feed.partition.equals(tp)) {
            // One supernode on two partitions means a producer keyed it differently; order is lost.
            LOG.warn("records of supernode '{}' arrive on {} as well as {}; producers must key by supernode id",
                    supernode, tp, feed.partition);
        }
        last = feed;
        return feed;
    }

    /** A rebuild ends when the position reaches the committed offset, even if nothing newer arrives. */
    private void finishRebuilds() {
        rebuildUntil.entrySet().removeIf(e -> {
            boolean done = consumer.position(e.getKey()) >= e.getValue();
            if (done) {
                LOG.info("state of {} rebuilt ({} records re-read so far); applying from offset {}", e.getKey(),
                        stats.rebuilt, e.getValue());
                rebuildsDone(e.getKey());
            }
            return done;
        });
    }

    private void rebuildsDone(TopicPartition tp) {
        for (Feed feed : feeds.values()) {
            if (feed.partition.equals(tp)) {
                shards.rebuilt(feed.shard);
            }
        }
    }

    /** Partitions arrived: resume their counts and mark where their rebuild ends. */
    private void assigned(Map<TopicPartition, Assignments.Start> starts) {
        starts.forEach((tp, start) -> {
            counts.put(tp, new long[] {start.applied(), start.samples()});
            start.rebuildFrom().ifPresent(from -> {
                consumer.seek(tp, from);
                rebuildUntil.put(tp, start.committed());
            });
        });
        stats.rebuilding = !rebuildUntil.isEmpty();
        stats.assigned = consumer.assignment().size();
    }

    /** Partitions are being taken away: commit what was applied (unless they are lost already), close their shards. */
    private void revoked(Collection<TopicPartition> partitions, boolean commit) {
        try {
            if (commit) {
                commit(true);
            }
        } catch (KafkaException e) {
            LOG.warn("commit on revocation failed ({}); the next owner re-reads and recognises those frames",
                    e.getMessage());
        }
        for (TopicPartition tp : partitions) {
            nextOffset.remove(tp);
            rebuildUntil.remove(tp);
            counts.remove(tp);
            for (Feed feed : new ArrayList<>(feeds.values())) {
                if (feed.partition.equals(tp)) {
                    closeFeed(feed);
                }
            }
        }
        unknown.clear();
        last = null;
    }

    private void closeFeed(Feed feed) {
        feeds.remove(feed.shard.supernode());
        if (last == feed) {
            last = null;
        }
        LOG.info("supernode {} ({}) handed over: no longer modelled here", feed.shard.supernode(), feed.partition);
        shards.close(feed.shard);
    }

    /** Fewer partitions than instances leaves instances idle; say so once, at start. */
    private void warnIfFewPartitions() {
        try {
            int n = consumer.partitionsFor(settings.topic(), Duration.ofSeconds(10)).size();
            LOG.info("topic {} has {} partition(s): at most {} instance(s) of group {} share its supernodes",
                    settings.topic(), n, n, settings.group());
        } catch (KafkaException e) {
            LOG.debug("cannot read the partitions of {}: {}", settings.topic(), e.getMessage());
        }
    }

    private void publishStats() {
        long applied = 0;
        long samples = 0;
        for (long[] c : counts.values()) {
            applied += c[0];
            samples += c[1];
        }
        stats.applied = applied;
        stats.samples = samples;
        stats.duplicates = duplicates;
        stats.supernodes = feeds.size();
        stats.rejected = rejectedByDecoder;
        stats.rebuilding = !rebuildUntil.isEmpty();
        stats.lastPollMillis = clock.millis();
        long lag = 0;
        for (TopicPartition tp : consumer.assignment()) {
            lag += consumer.currentLag(tp).orElse(0);
        }
        stats.lag = lag;
        stats.assigned = consumer.assignment().size();
    }

    private void commit(boolean sync) {
        long now = clock.millis();
        if (nextOffset.isEmpty() || (!sync && now - lastCommit < settings.commitEveryMs())) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffset.forEach((tp, off) -> {
            long[] c = counts.getOrDefault(tp, new long[2]);
            offsets.put(tp, new OffsetAndMetadata(off, new CommitMetadata(c[0], c[1]).encode()));
        });
        lastCommit = now;
        if (sync) {
            consumer.commitSync(offsets);
            stats.commits++;
        } else {
            consumer.commitAsync(offsets, (o, e) -> {
                if (e == null) {
                    stats.commits++;
                } else if (e instanceof RebalanceInProgressException) {
                    LOG.debug("offset commit deferred by a rebalance: {}", e.getMessage());
                } else {
                    LOG.warn("offset commit failed, will retry: {}", e.getMessage());
                }
            });
        }
    }


    /** Stops the loop at its next poll, commits what was applied, and waits for the thread to finish. */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            stopped.await(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
