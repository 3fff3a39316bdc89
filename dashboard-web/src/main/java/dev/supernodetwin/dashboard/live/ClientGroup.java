package dev.supernodetwin.dashboard.live;

import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * The clients served by one event loop, and what each has been sent. Used only on that event loop, so
 * it needs no locks. Per tick a client gets the delta when it has the previous tick, else the full
 * message; a busy client skips the tick (conflation) and so gets the next full message.
 */
public final class ClientGroup {
    /** What one client gets for one tick. */
    public enum Send { FULL, DELTA, SKIP, NOTHING }

    private static final long NONE = Long.MIN_VALUE;

    private final List<Slot> slots = new ArrayList<>();
    private long skipped;

    private static final class Slot {
        final LiveClient client;
        long lastSeq = NONE;

        Slot(LiveClient client) {
            this.client = client;
        }
    }

    /**
     * The decision for one client.
     *
     * @param lastSeq the tick the client was last sent ({@link Long#MIN_VALUE} for none)
     * @param seq     the tick to deliver
     * @param busy    whether the client's socket is still busy
     */
    public static Send choose(long lastSeq, long seq, boolean busy) {
        if (lastSeq != NONE && lastSeq >= seq) {
            return Send.NOTHING;
        }
        if (busy) {
            return Send.SKIP;
        }
        return lastSeq == seq - 1 ? Send.DELTA : Send.FULL;
    }

    /** Adds a client; it is sent {@code latest}'s full message at once when there is a tick already. */
    public void join(LiveClient client, LiveTick latest) {
        Slot slot = new Slot(client);
        slots.add(slot);
        if (latest != null) {
            client.send(latest.full().duplicate());
            slot.lastSeq = latest.seq();
        }
    }

    /** Removes a client (closed or failed). */
    public void leave(LiveClient client) {
        slots.removeIf(s -> s.client == client);
    }

    /** Delivers one tick to every client of the group. */
    public void deliver(LiveTick tick) {
        for (Slot s : slots) {
            switch (choose(s.lastSeq, tick.seq(), s.client.busy())) {
                case FULL -> send(s, tick, tick.full());
                case DELTA -> send(s, tick, tick.delta());
                case SKIP -> skipped++;
                case NOTHING -> { }
            }
        }
    }

    private static void send(Slot s, LiveTick tick, ByteBuf message) {
        s.client.send(message.duplicate());
        s.lastSeq = tick.seq();
    }

    /** Closes every client and forgets them. */
    public void closeAll() {
        List<Slot> all = new ArrayList<>(slots);
        slots.clear();
        all.forEach(s -> s.client.close());
    }

    /** Clients in the group. */
    public int size() {
        return slots.size();
    }

    /** Ticks skipped by busy clients so far. */
    public long skipped() {
        return skipped;
    }
}
