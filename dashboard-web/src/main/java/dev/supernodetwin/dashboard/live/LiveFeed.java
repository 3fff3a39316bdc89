package dev.supernodetwin.dashboard.live;

import dev.supernodetwin.app.runtime.Daemons;
import dev.supernodetwin.app.runtime.SnapshotBoard;
import dev.supernodetwin.core.state.StateSnapshot;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes the live view to every connected browser. Once per tick the latest snapshot is rendered on a
 * background thread (never on the event loop) and the same bytes go to every client; a client whose
 * socket is still busy with the previous update skips this one instead of queueing, so slow browsers
 * get conflated updates and never slow ingest or other clients.
 */
public final class LiveFeed implements AutoCloseable {
    private final SnapshotBoard board;
    private final LiveView view;
    private final Set<ServerWebSocket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Buffer> lastRendered = new AtomicReference<>();
    private final ScheduledExecutorService renderer;
    private final long tickMillis;
    private Context context;

    /**
     * @param board      where the writer publishes snapshots
     * @param view       what to render
     * @param tickMillis how often clients are updated
     */
    public LiveFeed(SnapshotBoard board, LiveView view, long tickMillis) {
        this.board = board;
        this.view = view;
        this.tickMillis = tickMillis;
        this.renderer = Daemons.scheduler("live-render");
    }

    /** Starts ticking; updates are written on {@code context}, the server's event loop. */
    public void start(Context context) {
        this.context = context;
        renderer.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** Adds a browser; it gets the latest update at once, then every tick. */
    public void join(ServerWebSocket ws) {
        ws.setWriteQueueMaxSize(4 * 1024 * 1024);
        clients.add(ws);
        ws.closeHandler(v -> clients.remove(ws));
        ws.exceptionHandler(e -> clients.remove(ws));
        Buffer last = lastRendered.get();
        if (last != null) {
            ws.writeBinaryMessage(last);
        }
    }

    /** The latest rendered update, if any; for plain HTTP polling. */
    public Optional<Buffer> latest() {
        return Optional.ofNullable(lastRendered.get());
    }

    /** Connected clients. */
    public int clientCount() {
        return clients.size();
    }

    private void tick() {
        Optional<StateSnapshot> snapshot = board.latest();
        if (snapshot.isEmpty()) {
            return;
        }
        Buffer update = Buffer.buffer(view.render(snapshot.get()));
        lastRendered.set(update);
        context.runOnContext(v -> broadcast(update));
    }

    private void broadcast(Buffer update) {
        for (ServerWebSocket ws : clients) {
            if (!ws.writeQueueFull()) {
                ws.writeBinaryMessage(update);
            }
        }
    }

    @Override
    public void close() {
        renderer.shutdownNow();
    }
}
