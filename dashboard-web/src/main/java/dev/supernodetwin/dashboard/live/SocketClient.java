package dev.supernodetwin.dashboard.live;

import io.netty.buffer.ByteBuf;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;

/**
 * A browser on the live WebSocket. Messages go out as text frames made from the tick's shared bytes:
 * the public API only builds text frames from a {@code String}, which would encode the same message
 * again for every client, so the frame is built over the bytes directly.
 */
final class SocketClient implements LiveClient {
    /**
     * A socket with more than this waiting is busy and skips ticks: enough for one full message of a
     * large supernode, small enough that a slow page never piles up stale updates.
     */
    static final int WRITE_QUEUE_BYTES = 512 * 1024;

    private final ServerWebSocket ws;

    SocketClient(ServerWebSocket ws) {
        this.ws = ws;
        ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    }

    @Override
    public boolean busy() {
        return ws.writeQueueFull();
    }

    @Override
    public void send(ByteBuf message) {
        ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, message, true));
    }

    /** Closes with 1001 (going away): the page reconnects and learns where the supernode is now. */
    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close((short) 1001, "going away");
        }
    }
}
