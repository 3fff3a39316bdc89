package dev.supernodetwin.ingest.codec;

/**
 * Internal control flow: the frame being parsed is bad. Never leaves the codec package; no stack trace
 * because it is an expected outcome, not a bug.
 */
final class FrameRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    FrameRejected(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }
}
