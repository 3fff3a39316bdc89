package dev.supernodetwin.ingest.kafka;

import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectionSink;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongConsumer;

/**
 * Feeds a twin from a Kafka topic as a member of a consumer group. The thread running {@link #run()}
 * is the twin's single writer.
 *
 * <ul>
 *   <li>Offsets are committed only after the frames they cover are applied, with the twin's counts as
 *   commit metadata; re-delivered frames are dropped by the twin's duplicate filter.</li>
 *   <li>After an assignment (a start, a restart, a rebalance) recent records before the committed
 *   offset are re-read into state without being counted or re-emitted, so state is whole again and
 *   nothing is applied twice.</li>
 *   <li>Rejected frames go to the dead-letter topic; records keyed for other supernodes are skipped.</li>
 *   <li>Errors are classified: fatal ones stop the source with a message, offset problems seek, the
 *   rest are logged and retried. {@link #close()} stops it with {@code wakeup()}.</li>
 * </ul>
 */
public final class KafkaFrameSource implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFrameSource.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaSourceSettings settings;
    private final Twin twin;
    private final FrameDecoder decoder;
    /** A decoder of its own for re-read records, so they never count as rejections again. */
    private final FrameDecoder rebuildDecoder;
    private final DeadLetters deadLetters;
    private final InstantSource clock;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final byte[] supernodeKey;
    private final SourceStats stats = new SourceStats();
    private final Map<TopicPartition, Long> rebuildUntil = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private Runnable afterBatch = () -> { };
    private LongConsumer latencyMillis = ms -> { };
    private long lastCommit;
    private long rejectedByDecoder;

    /**
     * @param settings    where to read from
     * @param twin        the twin this source becomes the writer of
     * @param decoder     decoder for the twin's topology
     * @param deadLetters where rejected records go
     * @param clock       wall clock, for commit pacing and the rebuild window
     */
    public KafkaFrameSource(KafkaSourceSettings settings, Twin twin, FrameDecoder decoder, DeadLetters deadLetters,
                            InstantSource clock) {
        this.settings = settings;
        this.twin = twin;
        this.decoder = decoder;
        this.rebuildDecoder = new FrameDecoder(twin.state().layout(), decoder.limits());
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.supernodeKey = settings.supernode().getBytes(StandardCharsets.UTF_8);
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static Properties consumerProperties(KafkaSourceSettings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.group());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "twin-" + s.supernode());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // Low fetch wait keeps append-to-applied latency in milliseconds (performance reference §4.2).
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        // A crashed instance's partitions move on after 10 s instead of the default 45 s.
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return p;
    }

    /** Runs on the writer thread after every poll: publish snapshots, run periodic work. */
    public void afterBatch(Runnable hook) {
        this.afterBatch = hook;
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
            consumer.subscribe(List.of(settings.topic()), new Assignments(consumer, twin, stats, clock,
                    settings.rebuildWindowMs(), rebuildUntil, nextOffset, () -> commit(true)));
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
                process(tp, record);
            }
            nextOffset.put(tp, batch.get(batch.size() - 1).offset() + 1);
        }
        finishRebuilds();
        publishStats();
        commit(false);
        afterBatch.run();
    }

    private void process(TopicPartition tp, ConsumerRecord<byte[], byte[]> record) {
        Long until = rebuildUntil.get(tp);
        if (until != null) {
            if (record.offset() < until) {
                if (ours(record) && record.value() != null) {
                    rebuildDecoder.decode(record.value(), twin::rebuild, RejectionSink.ignoring());
                }
                stats.rebuilt++;
                return;
            }
            rebuildUntil.remove(tp);
        }
        if (!ours(record)) {
            stats.foreign++;
            return;
        }
        if (record.value() == null) {
            return;
        }
        decoder.decode(record.value(), twin::apply, rejection -> {
            rejectedByDecoder++;
            deadLetters.send(record, rejection.withSource(tp + "@" + record.offset()));
        });
        latencyMillis.accept(clock.millis() - record.timestamp());
    }

    /** A rebuild ends when the position reaches the committed offset, even if nothing newer arrives. */
    private void finishRebuilds() {
        rebuildUntil.entrySet().removeIf(e -> {
            boolean done = consumer.position(e.getKey()) >= e.getValue();
            if (done) {
                LOG.info("state of {} rebuilt ({} records re-read); applying from offset {}", e.getKey(),
                        stats.rebuilt, e.getValue());
            }
            return done;
        });
    }

    /** Records keyed for another supernode belong to another twin; unkeyed records are taken. */
    private boolean ours(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null || Arrays.equals(record.key(), supernodeKey);
    }

    private void publishStats() {
        stats.applied = twin.applied();
        stats.samples = twin.samples();
        stats.duplicates = twin.duplicates();
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
        String meta = new CommitMetadata(twin.applied(), twin.samples()).encode();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffset.forEach((tp, off) -> offsets.put(tp, new OffsetAndMetadata(off, meta)));
        lastCommit = now;
        if (sync) {
            consumer.commitSync(offsets);
            stats.commits++;
        } else {
            consumer.commitAsync(offsets, (o, e) -> {
                if (e == null) {
                    stats.commits++;
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
