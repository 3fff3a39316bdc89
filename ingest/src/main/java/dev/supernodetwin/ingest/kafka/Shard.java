package dev.supernodetwin.ingest.kafka;

import dev.supernodetwin.core.twin.Twin;
import dev.supernodetwin.ingest.codec.FrameDecoder;

/**
 * One supernode a {@link KafkaFrameSource} feeds: its twin (whose single writer the source's thread
 * becomes) and the decoder for its topology.
 */
public interface Shard {
    /** The supernode id, as the records' key carries it. */
    String supernode();

    /** The twin the supernode's frames are applied to. */
    Twin twin();

    /** The decoder for the supernode's topology. */
    FrameDecoder decoder();
}
