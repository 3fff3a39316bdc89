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

    /** A shard of {@code twin}, decoded for its own layout. */
    static Shard of(Twin twin) {
        FrameDecoder decoder = new FrameDecoder(twin.state().layout());
        String supernode = twin.state().topology().supernode();
        return new Shard() {
            @Override
            public String supernode() {
                return supernode;
            }

            @Override
            public Twin twin() {
                return twin;
            }

            @Override
            public FrameDecoder decoder() {
                return decoder;
            }
        };
    }
}
