package dev.supernodetwin.ingest.recording;

import dev.supernodetwin.core.frame.FrameSink;
import dev.supernodetwin.ingest.codec.FrameDecoder;
import dev.supernodetwin.ingest.codec.RejectReason;
import dev.supernodetwin.ingest.codec.Rejection;
import dev.supernodetwin.ingest.codec.RejectionSink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams a recording ({@code .ndjson}, or gzip-compressed, recognised by its magic bytes) line by line
 * through a {@link FrameDecoder}. Holds one line at a time, never the file; a line longer than the
 * decoder's record limit is skipped and rejected. Rejections carry {@code FILE:LINE} as their source.
 */
public final class RecordingReader {
    private static final int CHUNK = 1 << 16;

    private final FrameDecoder decoder;

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
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(path));
             InputStream in = decompressing(counted)) {
            Lines lines = new Lines(name, frames, rejections);
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = in.read(chunk)) > 0) {
                lines.feed(chunk, n);
                progress.progress(counted.count(), total);
            }
            lines.end();
            progress.progress(counted.count(), total);
            return new ReadSummary(lines.records, lines.frames, lines.rejections, counted.count());
        }
    }

    /**
     * {@code raw} as the recording's text: gunzipped when it starts with gzip's magic bytes, buffered
     * either way.
     */
    public static InputStream decompressing(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, CHUNK);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, CHUNK) : in;
    }

    /** Decodes each line of the file, numbering rejections by line. */
    private final class Lines implements LineSplitter.Handler {
        private final FrameSink sink;
        private final RejectionSink numbered;
        private final LineSplitter splitter;
        long records;
        long frames;
        long rejections;

        Lines(String name, FrameSink sink, RejectionSink rejectionSink) {
            this.sink = sink;
            this.splitter = new LineSplitter(decoder.limits().maxRecordBytes(), this);
            this.numbered = r -> {
                rejections++;
                rejectionSink.reject(r.withSource(name + ":" + splitter.lineNumber()));
            };
        }

        void feed(byte[] chunk, int n) {
            splitter.feed(chunk, n);
        }

        void end() {
            splitter.end();
        }

        @Override
        public void line(byte[] bytes, int offset, int length) {
            records++;
            frames += decoder.decode(bytes, offset, length, sink, numbered);
        }

        @Override
        public void tooLong() {
            records++;
            numbered.reject(new Rejection(RejectReason.TOO_LARGE, "line longer than the limit of "
                    + decoder.limits().maxRecordBytes() + " bytes", Rejection.WHOLE_RECORD, ""));
        }
    }

}
