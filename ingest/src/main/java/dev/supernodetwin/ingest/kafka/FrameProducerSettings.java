package dev.supernodetwin.ingest.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link FrameProducer} talks to Kafka. Validated once, at start-up.
 *
 * @param bootstrap   {@code host:port[,host:port...]} of the brokers
 * @param topic       topic to write to
 * @param batchFrames frames per record: 1 writes single frame objects, more writes JSON arrays
 *                    (wire format §2); ≥ 16 keeps the per-record cost small (performance.md §3.1)
 * @param lingerMs    producer {@code linger.ms}: 1–2 ms keeps latency low while still batching
 * @param compression record compression
 * @param acks        producer {@code acks}: {@code all}, {@code 1} or {@code 0}
 * @param idempotence producer {@code enable.idempotence}; needs {@code acks=all}
 */
public record FrameProducerSettings(String bootstrap, String topic, int batchFrames, int lingerMs,
                                    Compression compression, String acks, boolean idempotence) {

    /** Largest batch accepted, well inside the decoder's frames-per-record and record-size limits. */
    public static final int MAX_BATCH_FRAMES = 1024;

    /** Record compression the producer may use; both are checked to work in the shaded jar. */
    public enum Compression {
        NONE, LZ4;

        String kafkaName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks every setting, naming the one that is wrong. */
    public FrameProducerSettings {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("bootstrap: a Kafka address host:port is required");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic: a topic name is required");
        }
        if (batchFrames < 1 || batchFrames > MAX_BATCH_FRAMES) {
            throw new IllegalArgumentException("batch: frames per record must be in 1.." + MAX_BATCH_FRAMES
                    + ", was " + batchFrames);
        }
        if (lingerMs < 0 || lingerMs > 1000) {
            throw new IllegalArgumentException("linger.ms must be in 0..1000, was " + lingerMs);
        }
        Objects.requireNonNull(compression, "compression");
        if (!acks.equals("all") && !acks.equals("1") && !acks.equals("0")) {
            throw new IllegalArgumentException("acks must be all, 1 or 0, was " + acks);
        }
        if (idempotence && !acks.equals("all")) {
            throw new IllegalArgumentException("idempotence needs acks=all; turn one of them off (acks was " + acks + ")");
        }
    }

    /** The defaults: 16 frames per record, linger 2 ms, lz4, acks=all, idempotent. */
    public static FrameProducerSettings defaults(String bootstrap, String topic) {
        return new FrameProducerSettings(bootstrap, topic, 16, 2, Compression.LZ4, "all", true);
    }

    /** The same settings with {@code frames} frames per record. */
    public FrameProducerSettings withBatchFrames(int frames) {
        return new FrameProducerSettings(bootstrap, topic, frames, lingerMs, compression, acks, idempotence);
    }

    /** The same settings with another compression. */
    public FrameProducerSettings withCompression(Compression c) {
        return new FrameProducerSettings(bootstrap, topic, batchFrames, lingerMs, c, acks, idempotence);
    }

    /** The Kafka producer configuration these settings stand for. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression.kafkaName());
        config.put(ProducerConfig.ACKS_CONFIG, acks);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotence);
        // Records of 16 engine frames are ~24 kB; room for several per partition batch.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
