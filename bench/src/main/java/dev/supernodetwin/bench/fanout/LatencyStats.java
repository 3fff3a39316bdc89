package dev.supernodetwin.bench.fanout;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load clients received, updated from the client event loops: a latency histogram at 1 ms
 * resolution (up to 60 s), message and byte counts by type, and sequence gaps.
 */
final class LatencyStats {
    private static final int MAX_MS = 60_000;

    private final AtomicLongArray histogram = new AtomicLongArray(MAX_MS + 1);
    final LongAdder fulls = new LongAdder();
    final LongAdder deltas = new LongAdder();
    final LongAdder fullBytes = new LongAdder();
    final LongAdder deltaBytes = new LongAdder();
    final LongAdder gaps = new LongAdder();
    final LongAdder missed = new LongAdder();
    /** Size of the latest full message seen, kept across resets (clients get one on connect). */
    volatile int lastFullBytes;

    void record(boolean full, int bytes, long latencyMs) {
        histogram.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, latencyMs)));
        if (full) {
            lastFullBytes = bytes;
            fulls.increment();
            fullBytes.add(bytes);
        } else {
            deltas.increment();
            deltaBytes.add(bytes);
        }
    }

    void gap(long ticksMissed) {
        gaps.increment();
        missed.add(ticksMissed);
    }

    long messages() {
        return fulls.sum() + deltas.sum();
    }

    /** The latency in ms below which {@code q} of the messages fall; -1 when none. */
    long percentile(double q) {
        long total = 0;
        for (int i = 0; i <= MAX_MS; i++) {
            total += histogram.get(i);
        }
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i <= MAX_MS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return MAX_MS;
    }

    long max() {
        for (int i = MAX_MS; i >= 0; i--) {
            if (histogram.get(i) > 0) {
                return i;
            }
        }
        return -1;
    }

    void reset() {
        for (int i = 0; i <= MAX_MS; i++) {
            histogram.set(i, 0);
        }
        fulls.reset();
        deltas.reset();
        fullBytes.reset();
        deltaBytes.reset();
        gaps.reset();
        missed.reset();
    }
}
