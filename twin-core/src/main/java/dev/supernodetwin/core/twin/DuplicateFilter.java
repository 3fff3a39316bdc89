package dev.supernodetwin.core.twin;

import dev.supernodetwin.core.frame.FrameBuffer;

import java.util.Arrays;

/**
 * Recognises frames already applied, so that re-delivery after a crash or a producer retry never
 * counts twice. A frame is a duplicate when its device has already reported at that event time or
 * later and, if it carries a sequence number, that sequence number or a later one. Requiring both
 * to be old keeps a device that reboots (its sequence restarts at 0 with a newer time) flowing.
 */
public final class DuplicateFilter {
    private static final long NONE = Long.MIN_VALUE;

    private final long[] lastTs;
    private final long[] lastSeq;

    /** A filter for {@code devices} devices, none of which has reported yet. */
    public DuplicateFilter(int devices) {
        lastTs = new long[devices];
        lastSeq = new long[devices];
        Arrays.fill(lastTs, NONE);
        Arrays.fill(lastSeq, NONE);
    }

    /** True, and remembered, when the frame is new; false when it was seen before. */
    public boolean admit(FrameBuffer frame) {
        int d = frame.device();
        long ts = frame.timestamp();
        long seq = frame.seq();
        boolean oldTime = lastTs[d] != NONE && ts <= lastTs[d];
        boolean oldSeq = seq == FrameBuffer.NO_SEQ || (lastSeq[d] != NONE && seq <= lastSeq[d]);
        if (oldTime && oldSeq) {
            return false;
        }
        if (ts > lastTs[d] || lastTs[d] == NONE) {
            lastTs[d] = ts;
        }
        if (seq != FrameBuffer.NO_SEQ) {
            // A reboot restarts the sequence: follow it when time moved on.
            lastSeq[d] = !oldTime ? seq : Math.max(lastSeq[d], seq);
        }
        return true;
    }
}
