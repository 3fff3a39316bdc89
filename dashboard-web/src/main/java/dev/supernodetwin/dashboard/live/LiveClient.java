package dev.supernodetwin.dashboard.live;

import io.netty.buffer.ByteBuf;

/** One connected page, as the fan-out sees it: whether it can take a message now, and sending one. */
public interface LiveClient {
    /** True while the socket is still busy with earlier messages; such a client skips the tick. */
    boolean busy();

    /** Sends one text message (the bytes are shared: read, never modify). */
    void send(ByteBuf message);

    /** Ends the connection: the feed is going away (the supernode moved, the server stops). */
    default void close() {
    }
}
