package dev.supernodetwin.ingest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.state.SensorLayout;

import java.io.IOException;
import java.util.Objects;

/**
 * Decodes telemetry frames (wire format §2) from one Kafka record value or recording line: a frame
 * object or a JSON array of frames. Streams with Jackson into one reused {@link FrameBuffer}; nothing
 * is allocated per sample.
 *
 * <p>Bad input never throws: each bad frame becomes one {@link Rejection} and good frames around it
 * in the same array are still delivered. A record that cannot be parsed past some point (truncated,
 * garbage, too deep) yields one rejection for the frame being read there.
 *
 * <p>One decoder per thread: it owns mutable buffers and counters.
 */
public final class FrameDecoder {
    private final JsonFactory json;
    private final DecoderLimits limits;
    private final FrameParser parser;
    private final FrameBuffer frame = new FrameBuffer(128);
    private final long[] rejectionsByReason = new long[RejectReason.values().length];
    private long framesDecoded;
    private long samplesDecoded;
    private long unknownMetrics;
    private long inapplicableMetrics;

    // State of the record being decoded, for attributing a parse failure to one frame.
    private int frameIndex;
    private boolean frameRejected;

    /** A decoder for the devices of {@code layout}'s topology, with {@link DecoderLimits#DEFAULTS}. */
    public FrameDecoder(SensorLayout layout) {
        this(layout, DecoderLimits.DEFAULTS);
    }

    /** A decoder for the devices of {@code layout}'s topology. */
    public FrameDecoder(SensorLayout layout, DecoderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.parser = new FrameParser(Objects.requireNonNull(layout, "layout"));
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.maxRecordBytes())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .build())
                // NaN and Infinity are read as numbers so that they reject one frame, not the record.
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
    }

    /** The limits this decoder enforces. */
    public DecoderLimits limits() {
        return limits;
    }

    /**
     * Decodes one record, passing each good frame to {@code frames} and each bad one to
     * {@code rejections}. An exception thrown by {@code frames} propagates unchanged: it is the taker's
     * failure, not the record's.
     *
     * @return the number of frames delivered
     */
    public int decode(byte[] data, int offset, int length, FrameSink frames, RejectionSink rejections) {
        frameIndex = 0;
        frameRejected = false;
        if (length > limits.maxRecordBytes()) {
            reject(rejections, RejectReason.TOO_LARGE, Rejection.WHOLE_RECORD, "record of " + length
                    + " bytes exceeds the limit of " + limits.maxRecordBytes() + " bytes");
            return 0;
        }
        long before = framesDecoded;
        try (JsonParser p = json.createParser(data, offset, length)) {
            decodeRecord(p, frames, rejections);
        } catch (StreamConstraintsException e) {
            boolean deep = String.valueOf(e.getOriginalMessage()).contains("nesting depth");
            failFrame(rejections, deep ? RejectReason.TOO_DEEP : RejectReason.TOO_LARGE, e);
        } catch (IOException e) {
            failFrame(rejections, RejectReason.MALFORMED_JSON, e);
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (RuntimeException e) {
            // Jackson signals a few malformed inputs with unchecked exceptions (e.g. number conversion).
            failFrame(rejections, RejectReason.MALFORMED_JSON, e);
        }
        return (int) (framesDecoded - before);
    }

    /** Decodes a whole byte array; see {@link #decode(byte[], int, int, FrameSink, RejectionSink)}. */
    public int decode(byte[] data, FrameSink frames, RejectionSink rejections) {
        return decode(data, 0, data.length, frames, rejections);
    }

    private void decodeRecord(JsonParser p, FrameSink frames, RejectionSink rejections) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            reject(rejections, RejectReason.MALFORMED_JSON, Rejection.WHOLE_RECORD, "empty record");
        } else if (first == JsonToken.START_OBJECT) {
            boolean good = decodeFrame(p, 0, rejections);
            if (expectEnd(p, rejections) && good) {
                deliver(frames);
            }
        } else if (first == JsonToken.START_ARRAY) {
            decodeArray(p, frames, rejections);
            expectEnd(p, rejections);
        } else {
            p.skipChildren();
            reject(rejections, RejectReason.NOT_A_FRAME, Rejection.WHOLE_RECORD,
                    "expected a frame object or an array of frames, got " + Describe.token(p, first));
        }
    }

    private void decodeArray(JsonParser p, FrameSink frames, RejectionSink rejections) throws IOException {
        JsonToken t;
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            frameIndex = index;
            frameRejected = false;
            if (index >= limits.maxFramesPerRecord()) {
                reject(rejections, RejectReason.TOO_LARGE, index, "record holds more than "
                        + limits.maxFramesPerRecord() + " frames; the rest is dropped");
                return;
            }
            if (t == JsonToken.START_OBJECT) {
                if (decodeFrame(p, index, rejections)) {
                    deliver(frames);
                }
            } else {
                p.skipChildren();
                reject(rejections, RejectReason.NOT_A_FRAME, index, "expected a frame object, got "
                        + Describe.token(p, t));
            }
            index++;
            frameIndex = index;
            frameRejected = false;
        }
    }

    /** Parses one frame; on a rule broken, rejects it and skips to its end. True when the frame is good. */
    private boolean decodeFrame(JsonParser p, int index, RejectionSink rejections) throws IOException {
        int depth = p.getParsingContext().getNestingDepth();
        try {
            parser.parse(p, frame);
            return true;
        } catch (FrameRejected bad) {
            reject(rejections, bad.reason(), index, bad.getMessage());
            while (p.getParsingContext().getNestingDepth() >= depth) {
                if (p.nextToken() == null) {
                    break;
                }
            }
            return false;
        }
    }

    private boolean expectEnd(JsonParser p, RejectionSink rejections) throws IOException {
        frameIndex = Rejection.WHOLE_RECORD;
        frameRejected = false;
        JsonToken extra = p.nextToken();
        if (extra != null) {
            reject(rejections, RejectReason.MALFORMED_JSON, Rejection.WHOLE_RECORD,
                    "trailing content after the JSON value at byte " + p.currentTokenLocation().getByteOffset());
            return false;
        }
        return true;
    }

    private void deliver(FrameSink frames) {
        framesDecoded++;
        samplesDecoded += frame.size();
        unknownMetrics += parser.unknownMetrics();
        inapplicableMetrics += parser.inapplicableMetrics();
        try {
            frames.accept(frame);
        } catch (RuntimeException e) {
            // A failure of whoever takes the frame is not bad input: it must not be counted as malformed JSON.
            throw new SinkFailure(e);
        }
    }

    /** Carries a failure of the frame sink past the decoder's own handling of malformed input. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private void failFrame(RejectionSink rejections, RejectReason reason, Exception e) {
        if (frameRejected) {
            return;
        }
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.toString();
        String detail = firstLine(message);
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation at = jpe.getLocation();
            detail += " (at byte " + at.getByteOffset() + ")";
        }
        reject(rejections, reason, frameIndex, detail);
    }

    private static String firstLine(String message) {
        String m = message == null || message.isBlank() ? "unreadable input" : message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() <= 300 ? m : m.substring(0, 300) + "...";
    }

    private void reject(RejectionSink rejections, RejectReason reason, int index, String detail) {
        frameRejected = true;
        rejectionsByReason[reason.ordinal()]++;
        rejections.reject(new Rejection(reason, detail, index, ""));
    }

    /** Frames delivered since the decoder was built. */
    public long framesDecoded() {
        return framesDecoded;
    }

    /** Samples delivered since the decoder was built. */
    public long samplesDecoded() {
        return samplesDecoded;
    }

    /** Metric names outside the vocabulary, ignored, in delivered frames. */
    public long unknownMetrics() {
        return unknownMetrics;
    }

    /** Known metrics that the frame's device kind does not report, ignored, in delivered frames. */
    public long inapplicableMetrics() {
        return inapplicableMetrics;
    }

    /** Rejections for {@code reason} since the decoder was built. */
    public long rejections(RejectReason reason) {
        return rejectionsByReason[reason.ordinal()];
    }

    /** All rejections since the decoder was built. */
    public long rejections() {
        long sum = 0;
        for (long n : rejectionsByReason) {
            sum += n;
        }
        return sum;
    }
}
