package dev.supernodetwin.ingest.deadletter;

import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.codec.RejectionSink;
import dev.supernodetwin.ingest.ndjson.NdjsonLines;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dead-letter file: one rejected frame per line (NDJSON), as
 * {@code {"reason":"unknown-device","source":"run.ndjson:12","frame":3,"detail":"..."}}; {@code frame}
 * is null when the whole record was rejected. Not thread-safe.
 */
public final class DeadLetterFile implements RejectionSink, AutoCloseable {
    private final NdjsonLines lines;

    private DeadLetterFile(NdjsonLines lines) {
        this.lines = lines;
    }

    /** Creates (or truncates) {@code path}. */
    public static DeadLetterFile create(Path path) throws IOException {
        return new DeadLetterFile(NdjsonLines.create(path, "dead letters"));
    }

    @Override
    public void reject(Rejection r) {
        lines.write(g -> {
            g.writeStartObject();
            g.writeStringField("reason", r.reason().code());
            g.writeStringField("source", r.source());
            g.writeFieldName("frame");
            if (r.frameIndex() == Rejection.WHOLE_RECORD) {
                g.writeNull();
            } else {
                g.writeNumber(r.frameIndex());
            }
            g.writeStringField("detail", r.detail());
            g.writeEndObject();
        });
    }

    /** Rejections written. */
    public long written() {
        return lines.written();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
