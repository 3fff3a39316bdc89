package dev.supernodetwin.ingest.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A small compacted topic every instance both writes and reads in full: the latest value per key (for
 * the fleet view, one summary per supernode). The topic is created compacted when missing. A reader
 * thread assigns itself every partition, reads from the beginning and tells {@code onRecord} of each
 * record (a null value is a deletion), for as long as the object lives. Broker trouble is logged and
 * retried, never fatal: the fleet view is a convenience, the twin's own supernodes do not depend on it.
 */
public final class CompactedTopic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopic.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BiConsumer<String, byte[]> onRecord;
    private final Thread reader;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closing;

    private CompactedTopic(String bootstrap, String topic, String clientId, BiConsumer<String, byte[]> onRecord) {
        this.topic = topic;
        this.onRecord = onRecord;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-fleet");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-fleet-reader");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::read, "twin-fleet-reader");
        reader.setDaemon(true);
    }

    /**
     * Creates the topic when missing and starts reading it.
     *
     * @param onRecord told of every record, on the reader thread: key and value (null for a deletion)
     */
    public static CompactedTopic open(String bootstrap, String topic, String clientId,
                                      BiConsumer<String, byte[]> onRecord) {
        ensureCompacted(bootstrap, topic);
        CompactedTopic t = new CompactedTopic(bootstrap, topic, clientId, onRecord);
        t.reader.start();
        return t;
    }

    /** Creates the topic compacted, or warns when an existing one is not: it would then grow without bound. */
    static void ensureCompacted(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(p)) {
            NewTopic t = new NewTopic(topic, Optional.of(1), Optional.empty()).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    // Summaries are small and frequent: let the cleaner at them within the hour.
                    TopicConfig.SEGMENT_MS_CONFIG, "3600000"));
            try {
                admin.createTopics(List.of(t)).all().get(15, TimeUnit.SECONDS);
                LOG.info("created the compacted topic {}", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(r)).all().get(15, TimeUnit.SECONDS).get(r);
                String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    LOG.warn("topic {} has cleanup.policy={}; it should be compact, or it keeps every summary",
                            topic, policy);
                }
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn("cannot check or create the topic {} ({}); the fleet view waits for it", topic,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes the latest value of {@code key}, asynchronously; a failure is counted and logged once in a while. */
    public void publish(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (meta, e) -> {
                if (e == null) {
                    published.incrementAndGet();
                } else if (failed.getAndIncrement() % 100 == 0) {
                    LOG.warn("cannot publish to {}: {}", topic, e.getMessage());
                }
            });
        } catch (KafkaException e) {
            if (failed.getAndIncrement() % 100 == 0) {
                LOG.warn("cannot publish to {}: {}", topic, e.getMessage());
            }
        }
    }

    /** Records published successfully. */
    public long published() {
        return published.get();
    }

    /** Records that could not be published. */
    public long failed() {
        return failed.get();
    }

    private void read() {
        try {
            while (!closing && !assign()) {
                Thread.sleep(2_000);
            }
            while (!closing) {
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                        if (r.key() != null) {
                            onRecord.accept(r.key(), r.value());
                        }
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    LOG.warn("reading {}: {}; retrying", topic, e.getMessage());
                    Thread.sleep(1_000);
                }
            }
        } catch (WakeupException e) {
            // close()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the reader of {} stopped; the fleet view no longer updates", topic, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Assigns every partition of the topic from the beginning; false when the topic is not there yet. */
    private boolean assign() {
        try {
            List<PartitionInfo> parts = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (parts == null || parts.isEmpty()) {
                return false;
            }
            List<TopicPartition> tps = parts.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.debug("topic {} not readable yet: {}", topic, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
