package dev.supernodetwin.ingest.replay;

import dev.supernodetwin.ingest.codec.RejectionSink;

import java.util.Objects;

/**
 * How a {@link ReplayPipeline} runs.
 *
 * @param pacer       paces by event time (or not)
 * @param notBefore   frames with an event time before this (epoch ms) are left out
 * @param deadLetters where rejected frames go, with their source
 * @param progress    told about progress about once a second
 */
public record ReplayOptions(EventTimePacer pacer, long notBefore, RejectionSink deadLetters, ReplayProgress progress) {

    /** Requires every part. */
    public ReplayOptions {
        Objects.requireNonNull(pacer, "pacer");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(progress, "progress");
    }

    /** As fast as possible, every frame, rejections only counted, no progress reports. */
    public static ReplayOptions maxSpeed() {
        return new ReplayOptions(EventTimePacer.unpaced(), Long.MIN_VALUE, RejectionSink.ignoring(),
                ReplayProgress.none());
    }

    /** The same options with another pacer. */
    public ReplayOptions withPacer(EventTimePacer p) {
        return new ReplayOptions(p, notBefore, deadLetters, progress);
    }
}
