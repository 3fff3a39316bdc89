package dev.supernodetwin.ingest.recording;

import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectReason;
import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.codec.RejectionSink;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Streams a recording ({@code .ndjson}, or gzip-compressed, recognised by its magic bytes) line by line
 * through a {@link FrameDecoder}. Holds one line at a time, never the file; a line longer than the
 * decoder's record limit is skipped and rejected. Rejections carry {@code FILE:LINE} as their source.
 */
public final class RecordingReader {
    private static final int CHUNK = 1 << 16;

    private final FrameDecoder decoder;
    private byte[] line = new byte[CHUNK];

    /** A reader that decodes with {@code decoder} (and so for its topology and limits). */
    public RecordingReader(FrameDecoder decoder) {
        this.decoder = decoder;
    }

    /** Reads {@code path} to the end without progress reports. */
    public ReadSummary read(Path path, FrameSink frames, RejectionSink rejections) throws IOException {
        return read(path, frames, rejections, ProgressListener.none());
    }

    /**
     * Reads {@code path} to the end, reporting progress after every chunk read.
     *
     * @throws IOException when the file cannot be read (a bad line is a rejection, not an exception)
     */
    public ReadSummary read(Path path, FrameSink frames, RejectionSink rejections, ProgressListener progress)
            throws IOException {
        long total = Files.size(path);
        String name = path.getFileName().toString();
        try (CountingStream counted = new CountingStream(Files.newInputStream(path));
             InputStream in = open(counted)) {
            Lines lines = new Lines(name, frames, rejections);
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = in.read(chunk)) > 0) {
                lines.feed(chunk, n);
                progress.progress(counted.count, total);
            }
            lines.end();
            progress.progress(counted.count, total);
            return new ReadSummary(lines.records, lines.frames, lines.rejections, counted.count);
        }
    }

    private static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, CHUNK);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, CHUNK) : in;
    }

    /** Splits chunks into lines and decodes each; a line inside one chunk is decoded in place. */
    private final class Lines {
        private final FrameSink sink;
        private final RejectionSink numbered;
        private int length;
        private boolean overflow;
        long lineNo;
        long records;
        long frames;
        long rejections;

        Lines(String name, FrameSink sink, RejectionSink rejectionSink) {
            this.sink = sink;
            this.numbered = r -> {
                rejections++;
                rejectionSink.reject(r.withSource(name + ":" + lineNo));
            };
        }

        void feed(byte[] chunk, int n) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                if (length == 0 && !overflow) {
                    complete(chunk, start, i - start);
                } else {
                    append(chunk, start, i - start);
                    complete(line, 0, length);
                }
                length = 0;
                overflow = false;
                start = i + 1;
            }
            append(chunk, start, n - start);
        }

        void end() {
            if (length > 0 || overflow) {
                complete(line, 0, length);
            }
        }

        private void append(byte[] chunk, int from, int count) {
            if (overflow || count == 0) {
                return;
            }
            if (length + count > decoder.limits().maxRecordBytes()) {
                overflow = true;
                return;
            }
            if (length + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(chunk, from, line, length, count);
            length += count;
        }

        private void complete(byte[] bytes, int from, int count) {
            if (count > 0 && bytes[from + count - 1] == '\r') {
                count--;
            }
            lineNo++;
            if (!overflow && isBlank(bytes, from, count)) {
                return;
            }
            records++;
            if (overflow) {
                numbered.reject(new Rejection(RejectReason.TOO_LARGE, "line longer than the limit of "
                        + decoder.limits().maxRecordBytes() + " bytes", Rejection.WHOLE_RECORD, ""));
                return;
            }
            frames += decoder.decode(bytes, from, count, sink, numbered);
        }
    }

    private static boolean isBlank(byte[] bytes, int from, int count) {
        for (int i = from; i < from + count; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Counts the bytes taken from the file, beneath any decompression. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }
}
