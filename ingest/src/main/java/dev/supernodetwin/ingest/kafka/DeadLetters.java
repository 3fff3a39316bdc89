package dev.supernodetwin.ingest.kafka;

import dev.supernodetwin.ingest.codec.Rejection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends rejected records to the dead-letter topic: the original key and value, with the reason, the
 * detail, the frame index within the record and the source topic, partition and offset as headers,
 * so an operator can find, fix and re-send them.
 */
public final class DeadLetters implements AutoCloseable {
    /** Header names, part of what operators and tools rely on. */
    public static final String REASON = "twin.reason";
    public static final String DETAIL = "twin.detail";
    public static final String FRAME_INDEX = "twin.frame-index";
    public static final String SOURCE_TOPIC = "twin.source.topic";
    public static final String SOURCE_PARTITION = "twin.source.partition";
    public static final String SOURCE_OFFSET = "twin.source.offset";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** A dead-letter sender to {@code topic} on the cluster at {@code bootstrap}. */
    public DeadLetters(String bootstrap, String topic, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dead-letters");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends one rejected record (asynchronously; failures are counted and logged). */
    public void send(ConsumerRecord<byte[], byte[]> source, Rejection rejection) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, bytes(rejection.reason().code()));
        headers.add(DETAIL, bytes(rejection.detail()));
        headers.add(FRAME_INDEX, bytes(Integer.toString(rejection.frameIndex())));
        headers.add(SOURCE_TOPIC, bytes(source.topic()));
        headers.add(SOURCE_PARTITION, bytes(Integer.toString(source.partition())));
        headers.add(SOURCE_OFFSET, bytes(Long.toString(source.offset())));
        producer.send(new ProducerRecord<>(topic, null, source.key(), source.value(), headers), (meta, e) -> {
            if (e == null) {
                sent.incrementAndGet();
            } else if (failed.incrementAndGet() % 1_000 == 1) {
                LOG.warn("cannot write to dead-letter topic {}: {} ({} failures so far)", topic, e.getMessage(),
                        failed.get());
            }
        });
    }

    /** Records written to the dead-letter topic. */
    public long sent() {
        return sent.get();
    }

    /** Records that could not be written there. */
    public long failed() {
        return failed.get();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
