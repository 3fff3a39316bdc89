package dev.supernodetwin.ingest.ndjson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An NDJSON output: one JSON value per line, written with a streaming generator and counted. The
 * shared part of the files the twin writes for people and tools (alert events, dead letters); each
 * of those only says what goes on a line. Not thread-safe.
 */
public final class NdjsonLines implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    /** Writes one line's value. */
    @FunctionalInterface
    public interface Line {
        /** Writes exactly one JSON value to {@code g}. */
        void write(JsonGenerator g) throws IOException;
    }

    private final OutputStream out;
    private final String what;
    private long written;

    private NdjsonLines(OutputStream out, String what) {
        this.out = out;
        this.what = what;
    }

    /**
     * Creates (or truncates) {@code path}, so the file exists even if no line is ever written.
     *
     * @param what what the lines are, for error messages, e.g. {@code "alert events"}
     */
    public static NdjsonLines create(Path path, String what) throws IOException {
        return new NdjsonLines(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), what + " to " + path);
    }

    /**
     * Writes one line.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void write(Line line) {
        try {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                line.write(g);
            }
            out.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what, e);
        }
    }

    /** Lines written. */
    public long written() {
        return written;
    }

    /** Flushes what is buffered to the file. */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
