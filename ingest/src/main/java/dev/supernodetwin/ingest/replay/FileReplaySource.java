package dev.supernodetwin.ingest.replay;

import dev.supernodetwin.ingest.codec.DecoderLimits;
import dev.supernodetwin.ingest.recording.LineSplitter;
import dev.supernodetwin.ingest.recording.CountingInputStream;
import dev.supernodetwin.ingest.recording.RecordingReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Replays a recording ({@code .ndjson} or gzip-compressed): one record per non-blank line. Progress is
 * counted in bytes of the file (compressed bytes for gzip). A line longer than the decoder's record
 * limit is not held in memory; it is reported as oversized.
 *
 * <p>With read-ahead, a second thread reads and gunzips the file into a few reused chunks while the
 * replay thread splits lines and decodes, so file I/O and decompression overlap with decoding.
 */
public final class FileReplaySource implements ReplaySource {
    private static final int CHUNK = 1 << 18;
    private static final int CHUNKS_IN_FLIGHT = 4;

    private final Path path;
    private final String name;
    private final int maxLineBytes;
    private final boolean readAhead;
    private final long total;
    private volatile boolean stopped;
    private LineSplitter splitter;
    private long done;

    private FileReplaySource(Path path, DecoderLimits limits, boolean readAhead) throws IOException {
        this.path = path;
        this.name = path.getFileName().toString();
        this.maxLineBytes = limits.maxRecordBytes();
        this.readAhead = readAhead;
        this.total = Files.size(path);
    }

    /** A source reading {@code path} on the replay thread. */
    public static FileReplaySource open(Path path, DecoderLimits limits) throws IOException {
        return new FileReplaySource(path, limits, false);
    }

    /** A source reading and decompressing {@code path} on a thread of its own, ahead of the replay. */
    public static FileReplaySource openWithReadAhead(Path path, DecoderLimits limits) throws IOException {
        return new FileReplaySource(path, limits, true);
    }

    @Override
    public void run(RecordSink sink) throws IOException {
        splitter = new LineSplitter(maxLineBytes, new LineSplitter.Handler() {
            @Override
            public void line(byte[] bytes, int offset, int length) {
                sink.record(bytes, offset, length);
            }

            @Override
            public void tooLong() {
                sink.oversized("line longer than the limit of " + maxLineBytes + " bytes");
            }
        });
        if (readAhead) {
            runWithReadAhead();
        } else {
            runDirect();
        }
        if (!stopped) {
            splitter.end();
        }
    }

    private void runDirect() throws IOException {
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(path));
             InputStream in = RecordingReader.decompressing(counted)) {
            byte[] chunk = new byte[CHUNK];
            int n;
            while (!stopped && (n = in.readNBytes(chunk, 0, CHUNK)) > 0) {
                done = counted.count();
                splitter.feed(chunk, n);
            }
            done = counted.count();
        }
    }

    /** A chunk of decompressed bytes and the file position it was read up to. */
    private static final class Chunk {
        final byte[] bytes = new byte[CHUNK];
        int length;
        long fileBytes;
        IOException failure;
    }

    private void runWithReadAhead() throws IOException {
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        for (int i = 0; i < CHUNKS_IN_FLIGHT; i++) {
            free.add(new Chunk());
        }
        Thread reader = new Thread(() -> readInto(full, free), "replay-read-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            while (!stopped) {
                Chunk c = full.take();
                if (c.failure != null) {
                    throw c.failure;
                }
                if (c.length == 0) {
                    break;
                }
                done = c.fileBytes;
                splitter.feed(c.bytes, c.length);
                free.put(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            reader.interrupt();
        }
    }

    private void readInto(BlockingQueue<Chunk> full, BlockingQueue<Chunk> free) {
        Chunk c = null;
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(path));
             InputStream in = RecordingReader.decompressing(counted)) {
            while (true) {
                c = free.take();
                c.length = in.readNBytes(c.bytes, 0, CHUNK);
                c.fileBytes = counted.count();
                full.put(c);
                if (c.length == 0) {
                    return;
                }
                c = null;
            }
        } catch (InterruptedException | InterruptedIOException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            Chunk failed = c != null ? c : new Chunk();
            failed.failure = e;
            full.offer(failed);
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public long locator() {
        return splitter == null ? 0 : splitter.lineNumber();
    }

    @Override
    public String describe(long line) {
        return name + ":" + line;
    }

    @Override
    public String position() {
        return describe(locator());
    }

    @Override
    public long progressDone() {
        return done;
    }

    @Override
    public long progressTotal() {
        return total;
    }

    @Override
    public String progressUnit() {
        return "bytes";
    }

    @Override
    public long foreignRecords() {
        return 0;
    }

    @Override
    public void close() {
        stopped = true;
    }

}
