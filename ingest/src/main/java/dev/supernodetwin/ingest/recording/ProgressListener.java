package dev.supernodetwin.ingest.recording;

/** Told how far a recording has been read, e.g. to draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param bytesRead  bytes of the file read so far (compressed bytes for a gzip file)
     * @param totalBytes size of the file
     */
    void progress(long bytesRead, long totalBytes);

    /** A listener that does nothing. */
    static ProgressListener none() {
        return (read, total) -> { };
    }
}
