package dev.supernodetwin.ingest.kafka;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.ingest.codec.FrameEncoder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends frames to Kafka (wire format §2): records keyed by the supernode id, each holding
 * {@link FrameProducerSettings#batchFrames()} frames as a JSON array (or one frame object when the batch
 * is 1). The record timestamp is the latest event time in the record, so a seek by time
 * ({@code offsetsForTimes}) on a CreateTime topic never skips a frame at or after the time sought.
 *
 * <p>No frame is lost silently: every failed send is counted with its frame count, and the first
 * failures are kept for the report. {@link #close()} sends the partial batch and waits for every
 * acknowledgement. Fed by one thread; the counters may be read from any.
 */
public final class FrameProducer implements FrameSink, AutoCloseable {
    private static final int KEPT_ERRORS = 5;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final byte[] key;
    private final int batchFrames;
    private final FrameEncoder encoder;
    private byte[] value = new byte[64 * 1024];
    private int length;
    private int framesInBatch;
    private long maxTs = Long.MIN_VALUE;

    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong recordsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong framesFailed = new AtomicLong();
    private final AtomicLong recordsFailed = new AtomicLong();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    /** A producer of {@code layout}'s frames with its own Kafka client. */
    public FrameProducer(SensorLayout layout, FrameProducerSettings settings) {
        this(layout, settings, new KafkaProducer<>(settings.producerConfig()));
    }

    /** A producer of {@code layout}'s frames over {@code producer}, which it closes. */
    public FrameProducer(SensorLayout layout, FrameProducerSettings settings, Producer<byte[], byte[]> producer) {
        this.producer = producer;
        this.topic = settings.topic();
        this.key = layout.topology().supernode().getBytes(StandardCharsets.UTF_8);
        this.batchFrames = settings.batchFrames();
        this.encoder = new FrameEncoder(layout);
    }

    /** Adds a frame to the current record, sending it when full. */
    @Override
    public void accept(FrameBuffer frame) {
        int n = encoder.encode(frame);
        ensure(n + 2);
        if (batchFrames > 1) {
            value[length++] = (byte) (framesInBatch == 0 ? '[' : ',');
        }
        System.arraycopy(encoder.buffer(), 0, value, length, n);
        length += n;
        framesInBatch++;
        maxTs = Math.max(maxTs, frame.timestamp());
        if (framesInBatch == batchFrames) {
            send();
        }
    }

    /** Sends the partial record now, e.g. at the end of a simulated tick that should not wait. */
    public void flushBatch() {
        if (framesInBatch > 0) {
            send();
        }
    }

    private void send() {
        if (batchFrames > 1) {
            value[length++] = ']';
        }
        byte[] record = Arrays.copyOf(value, length);
        int frames = framesInBatch;
        long ts = maxTs;
        length = 0;
        framesInBatch = 0;
        maxTs = Long.MIN_VALUE;
        try {
            producer.send(new ProducerRecord<>(topic, null, ts, key, record), (metadata, e) -> {
                if (e == null) {
                    framesSent.addAndGet(frames);
                    recordsSent.incrementAndGet();
                    bytesSent.addAndGet(record.length);
                } else {
                    failed(frames, e);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // Thrown before the record was queued (buffer full past max.block.ms, closed producer, ...).
            failed(frames, e);
        }
    }

    private void failed(int frames, Exception e) {
        framesFailed.addAndGet(frames);
        recordsFailed.incrementAndGet();
        if (errors.size() < KEPT_ERRORS) {
            errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void ensure(int more) {
        if (length + more > value.length) {
            value = Arrays.copyOf(value, Math.max(value.length * 2, length + more));
        }
    }

    /** What was sent and acknowledged so far, and what failed. */
    public ProducerReport report() {
        return new ProducerReport(framesSent.get(), recordsSent.get(), bytesSent.get(), framesFailed.get(),
                recordsFailed.get(), List.copyOf(errors));
    }

    /** Sends the partial record, waits for every acknowledgement and closes the client. */
    @Override
    public void close() {
        flushBatch();
        try {
            producer.flush();
        } finally {
            producer.close();
        }
    }

    /**
     * Counts of a producer's work.
     *
     * @param frames        frames acknowledged by the broker
     * @param records       records acknowledged
     * @param bytes         value bytes acknowledged (before compression)
     * @param failedFrames  frames in records that could not be sent
     * @param failedRecords records that could not be sent
     * @param errors        the first few failures, for the report
     */
    public record ProducerReport(long frames, long records, long bytes, long failedFrames, long failedRecords,
                                 List<String> errors) {
        /** True when nothing failed. */
        public boolean clean() {
            return failedRecords == 0;
        }
    }
}
