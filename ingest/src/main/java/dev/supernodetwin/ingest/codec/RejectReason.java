package dev.supernodetwin.ingest.codec;

import java.util.Optional;

/**
 * Why a frame (or a whole record) was rejected. The {@link #code()} is stable: it is what dead-letter
 * records, counters and dashboards carry, so codes may be added but never renamed.
 */
public enum RejectReason {
    /** Not valid JSON: truncated, binary garbage, empty, trailing content. */
    MALFORMED_JSON("malformed-json"),
    /** Valid JSON, but not a frame object nor an array of them. */
    NOT_A_FRAME("not-a-frame"),
    /** The frame has no {@code ts}. */
    MISSING_TS("missing-ts"),
    /** {@code ts} is not a non-negative integer of epoch milliseconds. */
    BAD_TS("bad-ts"),
    /** The frame has no {@code device}. */
    MISSING_DEVICE("missing-device"),
    /** {@code device} names no device of the topology. */
    UNKNOWN_DEVICE("unknown-device"),
    /** A field holds the wrong JSON type (a string where a number belongs, ...). */
    WRONG_TYPE("wrong-type"),
    /** A metric value is NaN or infinite. */
    NON_FINITE("non-finite"),
    /** A metric value is outside the metric's physical bounds: a sensor fault, not a reading. */
    OUT_OF_RANGE("out-of-range"),
    /** The record, a string or a number exceeds a decoder limit, or the record holds too many frames. */
    TOO_LARGE("too-large"),
    /** The record nests deeper than the decoder allows. */
    TOO_DEEP("too-deep"),
    /** {@code lanes} lists more lanes than the device has. */
    BAD_LANES("bad-lanes");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code "unknown-device"}. */
    public String code() {
        return code;
    }

    /** Looks a reason up by its code. */
    public static Optional<RejectReason> fromCode(String code) {
        for (RejectReason r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
