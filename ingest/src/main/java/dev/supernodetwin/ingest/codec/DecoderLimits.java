package dev.supernodetwin.ingest.codec;

/**
 * Bounds that keep one hostile or broken record from costing unbounded memory or time.
 *
 * @param maxRecordBytes     largest record (Kafka value or recording line) decoded at all
 * @param maxStringLength    longest JSON string or field name, in characters
 * @param maxNestingDepth    deepest nesting of arrays and objects (a frame array of lanes needs 4)
 * @param maxFramesPerRecord most frames one array record may carry; the rest is rejected
 */
public record DecoderLimits(int maxRecordBytes, int maxStringLength, int maxNestingDepth, int maxFramesPerRecord) {
    /** 4 MiB records, 64 KiB strings, depth 16, 100,000 frames per record. */
    public static final DecoderLimits DEFAULTS = new DecoderLimits(4 << 20, 64 << 10, 16, 100_000);

    /** Checks every limit is usable. */
    public DecoderLimits {
        positive(maxRecordBytes, "maxRecordBytes");
        positive(maxStringLength, "maxStringLength");
        positive(maxFramesPerRecord, "maxFramesPerRecord");
        if (maxNestingDepth < 4) {
            throw new IllegalArgumentException("maxNestingDepth must be >= 4 (array > frame > lanes > lane), was "
                    + maxNestingDepth);
        }
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
