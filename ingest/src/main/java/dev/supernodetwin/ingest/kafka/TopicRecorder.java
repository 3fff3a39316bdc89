package dev.supernodetwin.ingest.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.supernodetwin.ingest.replay.KafkaReplaySource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Records what arrives on a topic to a recording (NDJSON, gzip when the name ends in {@code .gz}): the
 * record values as they are, one per line. A value that holds a line break, or is not valid UTF-8 JSON,
 * cannot be one NDJSON line; it is skipped and counted. Reads every partition without a consumer group,
 * from the end (only what arrives from now on), the beginning, or a time. {@link #stop()} (e.g. from a
 * Ctrl-C hook) ends the recording cleanly; the file is always closed as a valid gzip stream.
 */
public final class TopicRecorder {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final JsonFactory JSON = new JsonFactory();

    /** Where recording starts on each partition. */
    public enum From { END, BEGINNING, TIME }

    /**
     * What to record.
     *
     * @param topic     the topic
     * @param from      where to start on each partition
     * @param time      the start time, for {@link From#TIME}
     * @param maxFrames stop after this many frames ({@link Long#MAX_VALUE}: no limit)
     * @param maxWall   stop after this much wall time ({@link Duration#ZERO}: no limit)
     */
    public record Settings(String topic, From from, Instant time, long maxFrames, Duration maxWall) {
        /** Checks the settings. */
        public Settings {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("topic: a topic name is required");
            }
            Objects.requireNonNull(from, "from");
            if (from == From.TIME && time == null) {
                throw new IllegalArgumentException("from-time: a start time is required");
            }
            if (maxFrames < 1) {
                throw new IllegalArgumentException("max-frames must be positive, was " + maxFrames);
            }
            if (maxWall.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative, was " + maxWall);
            }
        }
    }

    /** Told about progress after every poll. */
    @FunctionalInterface
    public interface Progress {
        /** Counts so far. */
        void update(Summary soFar);
    }

    /**
     * What was recorded.
     *
     * @param records records written
     * @param frames  frames in the records written
     * @param bytes   bytes of values written (before compression)
     * @param skipped records skipped because they cannot be one NDJSON line
     */
    public record Summary(long records, long frames, long bytes, long skipped) {
    }

    private final Consumer<byte[], byte[]> consumer;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private volatile boolean stopped;
    private long records;
    private long frames;
    private long bytes;
    private long skipped;

    /** A recorder with its own consumer of {@code bootstrap}. */
    public TopicRecorder(String bootstrap) {
        this(new KafkaConsumer<>(KafkaReplaySource.consumerConfig(bootstrap), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()));
    }

    /** A recorder over {@code consumer}, which it closes at the end of {@link #record}. */
    public TopicRecorder(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Ends {@link #record} soon; callable from any thread. */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    /** Records to {@code path} until a limit is reached or {@link #stop()} is called. */
    public Summary record(Settings settings, Path path, Progress progress) throws IOException {
        try (OutputStream out = open(path)) {
            try {
                assign(settings);
                loop(settings, out, progress);
            } catch (WakeupException e) {
                if (!stopped) {
                    throw e;
                }
            }
        } finally {
            consumer.close();
        }
        return summary();
    }

    private static OutputStream open(Path path) throws IOException {
        OutputStream file = Files.newOutputStream(path);
        boolean gz = path.getFileName().toString().endsWith(".gz");
        return new BufferedOutputStream(gz ? new GZIPOutputStream(file, 1 << 16) : file, 1 << 16);
    }

    private void assign(Settings s) {
        List<PartitionInfo> infos = consumer.partitionsFor(s.topic());
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + s.topic() + " does not exist or has no partitions");
        }
        List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(s.topic(), i.partition()))
                .collect(Collectors.toList());
        consumer.assign(parts);
        switch (s.from()) {
            case BEGINNING -> consumer.seekToBeginning(parts);
            case END -> consumer.seekToEnd(parts);
            case TIME -> {
                Map<TopicPartition, OffsetAndTimestamp> at = consumer.offsetsForTimes(parts.stream()
                        .collect(Collectors.toMap(Function.identity(), tp -> s.time().toEpochMilli())));
                Map<TopicPartition, Long> end = consumer.endOffsets(parts);
                for (TopicPartition tp : parts) {
                    OffsetAndTimestamp o = at.get(tp);
                    consumer.seek(tp, o == null ? end.get(tp) : o.offset());
                }
            }
        }
        parts.forEach(consumer::position);
    }

    private void loop(Settings s, OutputStream out, Progress progress) throws IOException {
        long deadline = s.maxWall().isZero() ? Long.MAX_VALUE : System.nanoTime() + s.maxWall().toNanos();
        while (!stopped && frames < s.maxFrames() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                write(r.value(), out);
                if (frames >= s.maxFrames()) {
                    break;
                }
            }
            progress.update(summary());
        }
    }

    private void write(byte[] value, OutputStream out) throws IOException {
        int n = value == null ? -1 : framesIn(value);
        if (n < 0) {
            skipped++;
            return;
        }
        out.write(value);
        out.write('\n');
        records++;
        frames += n;
        bytes += value.length;
    }

    /** Frames in a value that can be one NDJSON line, or -1 when it cannot. */
    int framesIn(byte[] value) {
        for (byte b : value) {
            if (b == '\n' || b == '\r') {
                return -1;
            }
        }
        try {
            utf8.reset().decode(ByteBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            return -1;
        }
        try (JsonParser p = JSON.createParser(value)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return -1;
            }
            int count = 1;
            if (t == JsonToken.START_ARRAY) {
                count = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                    count++;
                }
            } else {
                p.skipChildren();
            }
            return p.nextToken() == null ? count : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private Summary summary() {
        return new Summary(records, frames, bytes, skipped);
    }
}
