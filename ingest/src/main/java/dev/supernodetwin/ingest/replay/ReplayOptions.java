package dev.supernodetwin.ingest.replay;

import dev.supernodetwin.ingest.codec.RejectionSink;

import java.util.Objects;

/**
 * How a {@link ReplayPipeline} runs.
 *
 * @param pacer       paces by event time (or not): an {@link EventTimePacer}, or a {@link ReplayControl} that can
 *                    also pause, change speed and seek
 * @param notBefore   frames with an event time before this (epoch ms) are left out
 * @param deadLetters where rejected frames go, with their source
 * @param progress    told about progress about once a second
 * @param decodeThreads threads decoding records; with more than one, frames are still applied in order
 */
public record ReplayOptions(Pacing pacer, long notBefore, RejectionSink deadLetters, ReplayProgress progress,
                            int decodeThreads) {

    /** Requires every part. */
    public ReplayOptions {
        Objects.requireNonNull(pacer, "pacer");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(progress, "progress");
        if (decodeThreads < 1) {
            throw new IllegalArgumentException("decode threads must be at least 1, was " + decodeThreads);
        }
    }

    /** Options decoding on the replay thread itself. */
    public ReplayOptions(Pacing pacer, long notBefore, RejectionSink deadLetters, ReplayProgress progress) {
        this(pacer, notBefore, deadLetters, progress, 1);
    }

    /** As fast as possible, every frame, rejections only counted, no progress reports. */
    public static ReplayOptions maxSpeed() {
        return new ReplayOptions(EventTimePacer.unpaced(), Long.MIN_VALUE, RejectionSink.ignoring(),
                ReplayProgress.none());
    }

    /** The same options with another pacer. */
    public ReplayOptions withPacer(Pacing p) {
        return new ReplayOptions(p, notBefore, deadLetters, progress, decodeThreads);
    }

    /** The same options decoding on {@code threads} threads. */
    public ReplayOptions withDecodeThreads(int threads) {
        return new ReplayOptions(pacer, notBefore, deadLetters, progress, threads);
    }
}
