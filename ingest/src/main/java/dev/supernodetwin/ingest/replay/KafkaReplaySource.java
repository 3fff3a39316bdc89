package dev.supernodetwin.ingest.replay;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Replays a Kafka topic without a consumer group: assigns every partition, seeks each to the first
 * record at or after the start time ({@code offsetsForTimes}; the beginning when no time is given),
 * reads up to the end offsets captured at start and stops. Nothing is committed. Records whose key
 * is another supernode are skipped and counted. Progress is counted in offsets.
 */
public final class KafkaReplaySource implements ReplaySource {
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Optional<Instant> from;
    private final byte[] key;
    private volatile boolean stopped;
    private long done;
    private long total;
    private long foreign;
    private String partition = "";
    private String topicName = "";
    private int partitionNumber;
    private long offset;

    /**
     * A source for {@code supernode}'s records on {@code topic}.
     *
     * @param from first event time to replay; empty for the whole topic
     */
    public KafkaReplaySource(String bootstrap, String topic, String supernode, Optional<Instant> from) {
        this(new KafkaConsumer<>(consumerConfig(bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                topic, supernode, from);
    }

    /** A source over {@code consumer}, which it closes. */
    public KafkaReplaySource(Consumer<byte[], byte[]> consumer, String topic, String supernode, Optional<Instant> from) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic: a topic name is required");
        }
        this.consumer = consumer;
        this.topic = topic;
        this.key = supernode.getBytes(StandardCharsets.UTF_8);
        this.from = from;
    }

    /** Consumer settings for draining a backlog fast: big fetches, no group, nothing committed. */
    public static Map<String, Object> consumerConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 4096);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 << 20);
        return config;
    }

    @Override
    public void run(RecordSink sink) {
        try {
            Map<TopicPartition, Long> end = assignAndSeek();
            Map<TopicPartition, long[]> position = new HashMap<>();
            for (TopicPartition tp : end.keySet()) {
                long start = consumer.position(tp);
                position.put(tp, new long[] {start});
                total += Math.max(0, end.get(tp) - start);
            }
            Map<TopicPartition, Long> remaining = new HashMap<>(end);
            remaining.entrySet().removeIf(e -> position.get(e.getKey())[0] >= e.getValue());
            consumer.pause(end.keySet().stream().filter(tp -> !remaining.containsKey(tp)).collect(Collectors.toList()));
            while (!stopped && !remaining.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (TopicPartition tp : records.partitions()) {
                    deliver(tp, records.records(tp), end.get(tp), position.get(tp), sink);
                    if (consumer.position(tp) >= end.get(tp) && remaining.remove(tp) != null) {
                        consumer.pause(List.of(tp));
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        }
    }

    private Map<TopicPartition, Long> assignAndSeek() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist or has no partitions");
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        if (from.isEmpty()) {
            consumer.seekToBeginning(partitions);
            return end;
        }
        long t = from.get().toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> t)));
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            consumer.seek(tp, at == null ? end.get(tp) : at.offset());
        }
        return end;
    }

    private void deliver(TopicPartition tp, List<ConsumerRecord<byte[], byte[]>> records, long end, long[] position,
                         RecordSink sink) {
        partition = tp.toString();
        topicName = tp.topic();
        partitionNumber = tp.partition();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (stopped || r.offset() >= end) {
                return;
            }
            done += r.offset() + 1 - position[0];
            position[0] = r.offset() + 1;
            offset = r.offset();
            if (!Arrays.equals(key, r.key())) {
                foreign++;
                continue;
            }
            byte[] v = r.value();
            if (v == null) {
                sink.record(new byte[0], 0, 0);
            } else {
                sink.record(v, 0, v.length);
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    /** Partition in the high bits, offset in the low 40 (a trillion records per partition). */
    @Override
    public long locator() {
        return (long) partitionNumber << 40 | offset;
    }

    @Override
    public String describe(long locator) {
        return topicName + "-" + (locator >>> 40) + "@" + (locator & ((1L << 40) - 1));
    }

    @Override
    public String position() {
        return partition + "@" + offset;
    }

    @Override
    public long progressDone() {
        return done;
    }

    @Override
    public long progressTotal() {
        return total;
    }

    @Override
    public String progressUnit() {
        return "offsets";
    }

    @Override
    public long foreignRecords() {
        return foreign;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
