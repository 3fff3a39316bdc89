package dev.supernodetwin.ingest.recording;

import java.util.Arrays;

/**
 * Splits a stream of chunks into NDJSON lines. A line that lies inside one chunk is handed over in
 * place, without a copy; a line that spans chunks is assembled in a reused buffer. Blank lines are
 * counted but not handed over; a trailing {@code \r} is dropped. A line longer than the limit is not
 * kept in memory: its handler is told it was too long instead. Not thread-safe.
 */
public final class LineSplitter {
    /** What to do with each line. */
    public interface Handler {
        /** One non-blank line; {@code bytes} is only valid during the call. */
        void line(byte[] bytes, int offset, int length);

        /** One line longer than the limit, whose content was dropped. */
        void tooLong();
    }

    private final int maxLineBytes;
    private final Handler handler;
    private byte[] line = new byte[1 << 16];
    private int length;
    private boolean overflow;
    private long lineNumber;
    private long nonBlankLines;

    /** A splitter handing lines of at most {@code maxLineBytes} bytes to {@code handler}. */
    public LineSplitter(int maxLineBytes, Handler handler) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, was " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.handler = handler;
    }

    /** Takes the next {@code n} bytes of the stream. */
    public void feed(byte[] chunk, int n) {
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

    /** The stream ended: hands over a last line that had no newline. */
    public void end() {
        if (length > 0 || overflow) {
            complete(line, 0, length);
            length = 0;
            overflow = false;
        }
    }

    /** Number of the line handed over last (or being handed over), from 1, counting blank lines. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Non-blank lines handed over so far, including those too long. */
    public long lines() {
        return nonBlankLines;
    }

    private void append(byte[] chunk, int from, int count) {
        if (overflow || count == 0) {
            return;
        }
        if (length + count > maxLineBytes) {
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
        lineNumber++;
        if (!overflow && isBlank(bytes, from, count)) {
            return;
        }
        nonBlankLines++;
        if (overflow) {
            handler.tooLong();
        } else {
            handler.line(bytes, from, count);
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
}
