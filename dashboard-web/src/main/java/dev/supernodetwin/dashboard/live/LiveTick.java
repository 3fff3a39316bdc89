package dev.supernodetwin.dashboard.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One rendered tick: its number and its two messages, serialised once and shared by every client.
 * The bytes are held unreleasable so that any number of writes, on any event loop, can each take a
 * duplicate (own read position, shared bytes) without copying.
 *
 * @param seq   tick number
 * @param full  the full message
 * @param delta the delta against tick {@code seq - 1}
 */
public record LiveTick(long seq, ByteBuf full, ByteBuf delta) {

    /** A tick from the two encoded messages. */
    public static LiveTick of(long seq, byte[] full, byte[] delta) {
        return new LiveTick(seq, shared(full), shared(delta));
    }

    private static ByteBuf shared(byte[] bytes) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
    }
}
