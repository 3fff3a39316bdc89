package dev.supernodetwin.ingest.deadletter;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.codec.RejectionSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A dead-letter file: one rejected frame per line (NDJSON), as
 * {@code {"reason":"unknown-device","source":"run.ndjson:12","frame":3,"detail":"..."}}; {@code frame}
 * is null when the whole record was rejected. Not thread-safe.
 */
public final class DeadLetterFile implements RejectionSink, AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private final Path path;
    private final OutputStream out;
    private long written;

    private DeadLetterFile(Path path, OutputStream out) {
        this.path = path;
        this.out = out;
    }

    /** Creates (or truncates) {@code path}. */
    public static DeadLetterFile create(Path path) throws IOException {
        return new DeadLetterFile(path, new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
    }

    @Override
    public void reject(Rejection r) {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letters to " + path, e);
        }
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letters to " + path, e);
        }
        written++;
    }

    /** Rejections written. */
    public long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
