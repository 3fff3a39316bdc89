package dev.supernodetwin.dashboard.live;

import dev.supernodetwin.app.runtime.Daemons;
import dev.supernodetwin.core.state.StateSnapshot;
import io.netty.buffer.ByteBufUtil;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.ContextInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live stream (docs/dashboard.md, "Live stream"). Once per tick, on a background thread, the
 * latest snapshot is rounded into the view's arrays and both messages (full and delta) are serialised
 * once; each event loop serving clients is then handed the tick and writes it to its own clients
 * ({@link ClientGroup}), so no thread writes every socket and a slow client only ever skips ticks.
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    /** The default tick. */
    public static final long DEFAULT_TICK_MILLIS = 250;
    /** The shortest tick accepted. */
    public static final long MIN_TICK_MILLIS = 50;

    private final LiveSources sources;
    private final LiveView view;
    private final LiveMessages messages;
    private final long tickMillis;
    private final Map<Context, ClientGroup> groups = new ConcurrentHashMap<>();
    private final AtomicReference<LiveTick> latest = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService renderer;
    // Owned by the renderer thread.
    private double[][] previous;
    private double[][] current;
    private long seq;
    private volatile long renderNanos;

    /**
     * @param sources    what is read each tick
     * @param view       what is rendered
     * @param tickMillis how often clients are updated, at least {@link #MIN_TICK_MILLIS}
     */
    public LiveFeed(LiveSources sources, LiveView view, long tickMillis) {
        if (tickMillis < MIN_TICK_MILLIS) {
            throw new IllegalArgumentException("the live tick must be at least " + MIN_TICK_MILLIS + " ms, was "
                    + tickMillis);
        }
        this.sources = sources;
        this.view = view;
        this.messages = new LiveMessages(view.columns());
        this.tickMillis = tickMillis;
        this.previous = view.newValues();
        this.current = view.newValues();
        this.renderer = Daemons.scheduler("live-render");
    }

    /** Starts ticking; later calls (one per server instance) do nothing. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            renderer.scheduleAtFixedRate(this::tickSafely, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Adds a browser, on the event loop that accepted it: it gets the latest full message at once, then
     * every tick from that event loop.
     */
    public void join(ServerWebSocket ws) {
        // Each connection runs on a duplicate of its server's context; the group belongs to the event loop.
        Context context = ((ContextInternal) Vertx.currentContext()).unwrap();
        ClientGroup group = groups.computeIfAbsent(context, c -> new ClientGroup());
        SocketClient client = new SocketClient(ws);
        group.join(client, latest.get());
        ws.closeHandler(v -> group.leave(client));
        ws.exceptionHandler(e -> ws.close());
    }

    /** The latest full message, if any; for plain HTTP polling. */
    public Optional<Buffer> latest() {
        LiveTick t = latest.get();
        return t == null ? Optional.empty() : Optional.of(Buffer.buffer(ByteBufUtil.getBytes(t.full())));
    }

    /** Time the last tick took to render and serialise, in nanoseconds. */
    public long renderNanos() {
        return renderNanos;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A failed tick must not cancel the schedule; the next tick starts from a full message.
            LOG.error("live tick failed", e);
        }
    }

    private void tick() {
        Optional<StateSnapshot> snapshot = sources.board().latest();
        if (snapshot.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        StateSnapshot s = snapshot.get();
        LiveMessages.Header h = new LiveMessages.Header(++seq, System.currentTimeMillis(), s.takenAt(),
                s.framesApplied(), s.samplesApplied(), sources.alertsRevision().getAsLong(), sources.replay().get());
        view.fill(s, current);
        byte[] full = messages.full(h, current);
        byte[] delta = seq == 1 ? full : messages.delta(h, previous, current);
        if (delta.length >= full.length) {
            // Most values changed: the full message says the same in fewer bytes, and pages take it at any time.
            delta = full;
        }
        double[][] swap = previous;
        previous = current;
        current = swap;
        LiveTick tick = LiveTick.of(h.seq(), full, delta);
        latest.set(tick);
        renderNanos = System.nanoTime() - start;
        groups.forEach((context, group) -> context.runOnContext(v -> group.deliver(tick)));
    }

    /** Event loops that have served live clients. */
    public int eventLoops() {
        return groups.size();
    }

    /** Ticks skipped by busy clients (conflated); an estimate, read off the event loops. */
    public long skipped() {
        return groups.values().stream().mapToLong(ClientGroup::skipped).sum();
    }

    /** Connected clients; an estimate, read off the event loops. */
    public int clientCount() {
        return groups.values().stream().mapToInt(ClientGroup::size).sum();
    }

    /** Stops ticking and closes every connected page's socket, each on its own event loop. */
    @Override
    public void close() {
        renderer.shutdownNow();
        groups.forEach((context, group) -> {
            try {
                context.runOnContext(v -> group.closeAll());
            } catch (RuntimeException e) {
                // The event loop is gone (Vert.x is closing): so are its sockets.
            }
        });
    }
}
