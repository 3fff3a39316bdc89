package dev.supernodetwin.ingest.codec;

/** Where rejected frames go: a counter, a dead-letter topic or file, a test's list. */
@FunctionalInterface
public interface RejectionSink {
    /** Takes one rejection. Called on the decoding thread. */
    void reject(Rejection rejection);

    /** A sink that drops rejections (the decoder still counts them). */
    static RejectionSink ignoring() {
        return r -> { };
    }
}
