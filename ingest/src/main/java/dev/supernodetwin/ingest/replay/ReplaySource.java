package dev.supernodetwin.ingest.replay;

import java.io.IOException;

/**
 * Where replayed records come from: a recording file or a Kafka topic. A source hands raw record bytes
 * (a frame object or an array of frames, wire format §2) to a {@link RecordSink}, in order, on the
 * thread that called {@link #run}; decoding and applying are the {@link ReplayPipeline}'s job, so every
 * source goes through the same path as the live service.
 */
public interface ReplaySource extends AutoCloseable {

    /** Takes raw records. */
    interface RecordSink {
        /** One record; {@code data} is only valid during the call. */
        void record(byte[] data, int offset, int length);

        /** One record too large to hold, dropped unread; {@code detail} says how large. */
        void oversized(String detail);
    }

    /**
     * Feeds every record to {@code sink} until the source is exhausted or {@link #stop()} is called.
     *
     * @throws IOException when the source cannot be read (bad records are not exceptions)
     */
    void run(RecordSink sink) throws IOException;

    /** Asks {@link #run} to return soon; callable from any thread. */
    void stop();

    /** Where the record being delivered came from, e.g. {@code run.ndjson.gz:123} or {@code t-0@456}. */
    String position();

    /**
     * A cheap number for the record being delivered (a line number, a partition and offset), so that a
     * record's place can be kept without building a string; see {@link #describe(long)}.
     */
    default long locator() {
        return -1;
    }

    /** The place a {@link #locator()} stands for, in the form of {@link #position()}. */
    default String describe(long locator) {
        return position();
    }

    /** Progress so far, in {@link #progressUnit()}s; read on the thread that runs the source. */
    long progressDone();

    /** Progress at the end, in {@link #progressUnit()}s. */
    long progressTotal();

    /** What progress counts: {@code bytes} or {@code offsets}. */
    String progressUnit();

    /** Records skipped before decoding because they belong to another supernode. */
    long foreignRecords();

    @Override
    void close() throws IOException;
}
