package dev.supernodetwin.ingest.kafka;

import java.util.Objects;

/**
 * What the Kafka frame source needs, already validated by the composition root.
 *
 * @param bootstrap       bootstrap servers
 * @param topic           telemetry topic
 * @param group           consumer group
 * @param deadLetterTopic where rejected records go
 * @param clientId        the consumer's client id, naming this instance in the broker's logs and metrics
 * @param rebuildWindowMs how far back state is rebuilt after (re)assignment, by record time
 * @param commitEveryMs   how often applied offsets are committed
 */
public record KafkaSourceSettings(String bootstrap, String topic, String group, String deadLetterTopic,
                                  String clientId, long rebuildWindowMs, long commitEveryMs) {
    /** Checks the invariants. */
    public KafkaSourceSettings {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(clientId, "clientId");
        if (rebuildWindowMs < 0 || commitEveryMs <= 0) {
            throw new IllegalArgumentException("rebuild window must be >= 0 and commit interval > 0 ms");
        }
    }
}
