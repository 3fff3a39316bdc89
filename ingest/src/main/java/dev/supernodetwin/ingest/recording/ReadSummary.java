package dev.supernodetwin.ingest.recording;

/**
 * What reading one recording produced.
 *
 * @param lines      non-blank lines read
 * @param frames     frames delivered
 * @param rejections frames or lines rejected
 * @param bytes      bytes of the file read
 */
public record ReadSummary(long lines, long frames, long rejections, long bytes) {
}
