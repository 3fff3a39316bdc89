package dev.supernodetwin.ingest.alerthistory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Alert history as NDJSON in a directory: {@code alert-history.ndjson}, rotated when it would pass
 * {@code maxBytes} to {@code .1}, {@code .2}, ... keeping {@code files} files in all. Reading scans every
 * file and skips lines that are not entries (a torn last line after a crash, a hand edit).
 */
public final class NdjsonAlertHistory implements AlertHistoryStore {
    /** File name of the current file. */
    public static final String FILE = "alert-history.ndjson";
    /** Default size at which the file is rotated. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Default number of files kept, the current one included. */
    public static final int DEFAULT_FILES = 4;

    private final Path dir;
    private final long maxBytes;
    private final int files;
    private long skipped;

    /**
     * @param dir      the state directory; created when missing
     * @param maxBytes size at which the current file is rotated
     * @param files    files kept, the current one included (at least 1)
     */
    public NdjsonAlertHistory(Path dir, long maxBytes, int files) {
        if (maxBytes < 1 || files < 1) {
            throw new IllegalArgumentException("alert history needs maxBytes >= 1 and files >= 1, was " + maxBytes
                    + " and " + files);
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.files = files;
    }

    /** The default rotation (64 MiB, 4 files) in {@code dir}. */
    public static NdjsonAlertHistory in(Path dir) {
        return new NdjsonAlertHistory(dir, DEFAULT_MAX_BYTES, DEFAULT_FILES);
    }

    @Override
    public synchronized void append(List<AlertHistoryEntry> entries) {
        try {
            Files.createDirectories(dir);
            for (AlertHistoryEntry e : entries) {
                byte[] line = (AlertHistoryJson.write(e) + "\n").getBytes(StandardCharsets.UTF_8);
                Path current = file(0);
                if (Files.exists(current) && Files.size(current) + line.length > maxBytes) {
                    rotate();
                }
                try (OutputStream out = Files.newOutputStream(current, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
                    out.write(line);
                }
            }
        } catch (IOException e) {
            throw new AlertHistoryException("cannot append to " + file(0) + ": " + e.getMessage(), e);
        }
    }

    private void rotate() throws IOException {
        Files.deleteIfExists(file(files - 1));
        for (int i = files - 2; i >= 0; i--) {
            if (Files.exists(file(i))) {
                Files.move(file(i), file(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public synchronized List<AlertHistoryEntry> query(AlertHistoryQuery q) {
        // Newest kept in a min-heap of the limit's size, so a full history costs no more memory than the answer.
        Comparator<AlertHistoryEntry> byTs = Comparator.comparingLong(AlertHistoryEntry::ts);
        PriorityQueue<AlertHistoryEntry> newest = new PriorityQueue<>(byTs);
        for (int i = files - 1; i >= 0; i--) {
            scan(file(i), q, newest);
        }
        List<AlertHistoryEntry> out = new ArrayList<>(newest);
        out.sort(byTs.reversed());
        return out;
    }

    private void scan(Path file, AlertHistoryQuery q, PriorityQueue<AlertHistoryEntry> newest) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Optional<AlertHistoryEntry> e = line.isBlank() ? Optional.empty() : AlertHistoryJson.read(line);
                if (e.isEmpty()) {
                    skipped++;
                } else if (q.matches(e.get())) {
                    newest.add(e.get());
                    if (newest.size() > q.limit()) {
                        newest.poll();
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // not rotated that far yet
        } catch (IOException e) {
            throw new AlertHistoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Lines skipped by queries so far because they were not entries. */
    public synchronized long skippedLines() {
        return skipped;
    }

    /** File {@code n}: 0 the current one, then the rotated ones, oldest last. */
    Path file(int n) {
        return dir.resolve(n == 0 ? FILE : FILE + "." + n);
    }

    @Override
    public String describe() {
        return "NDJSON " + file(0) + " (rotated at " + maxBytes + " bytes, " + files + " files kept)";
    }

    @Override
    public void close() {
        // every append opens and closes the file
    }
}
