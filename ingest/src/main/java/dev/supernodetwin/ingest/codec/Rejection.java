package dev.supernodetwin.ingest.codec;

import java.util.Objects;

/**
 * One rejected frame, or a rejected record when the frame cannot be told apart.
 *
 * @param reason     why, as a stable code
 * @param detail     what is wrong, naming the field, e.g. {@code metrics.temp_c: 1e308 is outside ...}
 * @param frameIndex position of the frame in an array record (0 for a single-frame record), or
 *                   {@link #WHOLE_RECORD} when the record as a whole is rejected
 * @param source     where the record came from (file and line, topic-partition@offset), empty when the
 *                   decoder was not told
 */
public record Rejection(RejectReason reason, String detail, int frameIndex, String source) {
    /** {@link #frameIndex()} of a rejection that concerns the whole record. */
    public static final int WHOLE_RECORD = -1;

    /** Requires a reason and a non-blank detail. */
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a detail saying what is wrong");
        }
    }

    /** The same rejection, attributed to {@code newSource}. */
    public Rejection withSource(String newSource) {
        return new Rejection(reason, detail, frameIndex, newSource);
    }

    @Override
    public String toString() {
        String where = source.isEmpty() ? "" : source + " ";
        String frame = frameIndex == WHOLE_RECORD ? "" : "frame " + frameIndex + " ";
        return where + frame + reason.code() + ": " + detail;
    }
}
