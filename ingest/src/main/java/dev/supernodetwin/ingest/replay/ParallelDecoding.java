package dev.supernodetwin.ingest.replay;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.ingest.codec.DecoderLimits;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectReason;
import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.codec.RejectionSink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Decodes records on worker threads and hands the frames back in their original order. Decoding is
 * the expensive step of a replay (tens of ns per sample) and is independent per record, while
 * applying must stay in order on the twin's single writer: so records are copied into batches, each
 * batch is decoded by a worker with a decoder of its own, and the caller applies finished batches
 * strictly in submission order. The frames reach the twin exactly as a sequential decode would deliver
 * them, so results do not depend on the number of threads.
 */
final class ParallelDecoding implements AutoCloseable {
    private static final int BATCH_BYTES = 1 << 20;
    private static final int BATCH_RECORDS = 8_192;

    private final ExecutorService workers;
    private final BlockingQueue<FrameDecoder> decoders;
    private final List<FrameDecoder> allDecoders = new ArrayList<>();
    private final ArrayDeque<Future<Decoded>> inFlight = new ArrayDeque<>();
    private final int maxInFlight;
    private final FrameBuffer frame = new FrameBuffer(256);
    private final LongFunction<String> describe;
    private Batch current = new Batch();

    /**
     * A stage with {@code threads} workers decoding for {@code layout}; {@code describe} turns a record's
     * locator into the place a rejection names.
     */
    ParallelDecoding(SensorLayout layout, DecoderLimits limits, int threads, LongFunction<String> describe) {
        this.describe = describe;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "replay-decode");
            t.setDaemon(true);
            return t;
        });
        this.decoders = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            FrameDecoder d = new FrameDecoder(layout, limits);
            decoders.add(d);
            allDecoders.add(d);
        }
        this.maxInFlight = 2 * threads;
    }

    /**
     * Queues one record, remembering its {@code locator} so that a rejection can name its place; applies
     * whatever finished decoding meanwhile, in order.
     */
    void add(byte[] data, int offset, int length, long locator, FrameSink frames, RejectionSink rejects)
            throws InterruptedException {
        current.add(data, offset, length, locator);
        if (current.bytes >= BATCH_BYTES || current.count >= BATCH_RECORDS) {
            submit();
            drain(frames, rejects, false);
        }
    }

    /** Decodes what is queued and applies everything, in order. */
    void finish(FrameSink frames, RejectionSink rejects) throws InterruptedException {
        if (current.count > 0) {
            submit();
        }
        drain(frames, rejects, true);
    }

    /** Frames decoded by every worker. */
    long framesDecoded() {
        return allDecoders.stream().mapToLong(FrameDecoder::framesDecoded).sum();
    }

    /** Rejections for {@code reason} by every worker. */
    long rejections(RejectReason reason) {
        return allDecoders.stream().mapToLong(d -> d.rejections(reason)).sum();
    }

    private void submit() {
        Batch batch = current;
        current = new Batch();
        inFlight.add(workers.submit(() -> {
            FrameDecoder decoder = decoders.take();
            try {
                return batch.decode(decoder, describe);
            } finally {
                decoders.put(decoder);
            }
        }));
    }

    private void drain(FrameSink frames, RejectionSink rejects, boolean all) throws InterruptedException {
        while (!inFlight.isEmpty() && (all || inFlight.size() > maxInFlight || inFlight.peek().isDone())) {
            try {
                inFlight.poll().get().replay(frame, frames, rejects);
            } catch (ExecutionException e) {
                throw new IllegalStateException("decoding a batch failed", e.getCause());
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Records copied out of the source's buffer. */
    private static final class Batch {
        byte[] data = new byte[BATCH_BYTES + 64 * 1024];
        int[] offsets = new int[1024];
        int[] lengths = new int[1024];
        long[] locators = new long[1024];
        int count;
        int bytes;

        void add(byte[] src, int offset, int length, long locator) {
            if (bytes + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, bytes + length));
            }
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
                locators = Arrays.copyOf(locators, count * 2);
            }
            locators[count] = locator;
            System.arraycopy(src, offset, data, bytes, length);
            offsets[count] = bytes;
            lengths[count] = length;
            bytes += length;
            count++;
        }

        Decoded decode(FrameDecoder decoder, LongFunction<String> describe) {
            Decoded out = new Decoded();
            for (int i = 0; i < count; i++) {
                long locator = locators[i];
                decoder.decode(data, offsets[i], lengths[i], out::take,
                        r -> out.rejections.add(r.withSource(describe.apply(locator))));
            }
            return out;
        }
    }

    /** Frames of one batch as primitive arrays, in decode order. */
    private static final class Decoded {
        final List<Rejection> rejections = new ArrayList<>();
        int[] device = new int[1024];
        long[] ts = new long[1024];
        long[] seq = new long[1024];
        int[] end = new int[1024];
        int frames;
        int[] sensors = new int[16 * 1024];
        double[] values = new double[16 * 1024];
        int samples;

        void take(FrameBuffer f) {
            if (frames == device.length) {
                int n = frames * 2;
                device = Arrays.copyOf(device, n);
                ts = Arrays.copyOf(ts, n);
                seq = Arrays.copyOf(seq, n);
                end = Arrays.copyOf(end, n);
            }
            int size = f.size();
            if (samples + size > sensors.length) {
                int n = Math.max(sensors.length * 2, samples + size);
                sensors = Arrays.copyOf(sensors, n);
                values = Arrays.copyOf(values, n);
            }
            for (int i = 0; i < size; i++) {
                sensors[samples + i] = f.sensor(i);
                values[samples + i] = f.value(i);
            }
            samples += size;
            device[frames] = f.device();
            ts[frames] = f.timestamp();
            seq[frames] = f.seq();
            end[frames] = samples;
            frames++;
        }

        void replay(FrameBuffer frame, FrameSink frames, RejectionSink rejects) {
            rejections.forEach(rejects::reject);
            int start = 0;
            for (int i = 0; i < this.frames; i++) {
                frame.begin(device[i], ts[i]);
                frame.seq(seq[i]);
                for (int s = start; s < end[i]; s++) {
                    frame.add(sensors[s], values[s]);
                }
                start = end[i];
                frames.accept(frame);
            }
        }
    }
}
