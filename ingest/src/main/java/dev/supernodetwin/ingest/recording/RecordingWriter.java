package dev.supernodetwin.ingest.recording;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.ingest.codec.FrameEncoder;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes frames to a recording (wire format §2): NDJSON, one frame per line, gzip-compressed when the
 * file name ends in {@code .gz}. A {@link FrameSink}, so a simulator or a live consumer can record
 * directly. Not thread-safe.
 */
public final class RecordingWriter implements FrameSink, AutoCloseable {
    private final Path path;
    private final OutputStream out;
    private final FrameEncoder encoder;
    private long framesWritten;

    private RecordingWriter(Path path, OutputStream out, FrameEncoder encoder) {
        this.path = path;
        this.out = out;
        this.encoder = encoder;
    }

    /** Creates (or truncates) {@code path} for frames of {@code layout}'s devices. */
    public static RecordingWriter open(Path path, SensorLayout layout) throws IOException {
        OutputStream file = Files.newOutputStream(path);
        try {
            OutputStream raw = isGzip(path) ? new GZIPOutputStream(file, 1 << 16) : file;
            return new RecordingWriter(path, new BufferedOutputStream(raw, 1 << 16), new FrameEncoder(layout));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    static boolean isGzip(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    /**
     * Appends one frame as one line.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    @Override
    public void accept(FrameBuffer frame) {
        try {
            encoder.encode(frame, out);
            out.write('\n');
            framesWritten++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recording " + path, e);
        }
    }

    /** Frames written so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Flushes and closes the file (finishing the gzip stream). */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
