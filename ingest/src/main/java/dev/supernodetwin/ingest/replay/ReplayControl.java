package dev.supernodetwin.ingest.replay;

/**
 * A replay someone can steer while it runs: pause and resume, change speed, seek. It is the replay's
 * {@link Pacing}: the replay thread calls {@link #pace} before each frame and is held there while
 * paused. A speed change or a resume re-anchors pacing at the next frame (no catching up on the time
 * spent paused); seeking forward lets frames through unpaced until event time reaches the cursor;
 * seeking back asks the owner of the replay to start it again from the beginning ({@link #onRestart}),
 * and the new run goes unpaced up to the cursor. Controls may be called from any thread; time and
 * sleep are injected, so tests need no clock.
 */
public final class ReplayControl implements Pacing {
    /** Fastest speed accepted as a number. */
    public static final double MAX_SPEED = 10_000;
    /** The speed meaning "no pacing". */
    public static final double UNPACED = Double.POSITIVE_INFINITY;

    private static final long NONE = Long.MIN_VALUE;
    /** Longest single sleep, so a control change is noticed soon even in a long gap of event time. */
    private static final long SLEEP_SLICE_NANOS = 20_000_000;

    /**
     * What the replay is doing.
     *
     * @param paused whether the replay waits
     * @param speed  event time per wall time; {@link #UNPACED} for as fast as possible
     * @param at     event time of the latest frame (epoch ms; {@link Long#MIN_VALUE} before the first)
     * @param from   event time of the first frame of the recording ({@link Long#MIN_VALUE} before it)
     * @param to     the latest event time read from the recording so far; its end once {@code done}
     * @param done   whether the recording has been replayed to its end
     */
    public record Status(boolean paused, double speed, long at, long from, long to, boolean done) {
    }

    private final EventTimePacer.Ticker ticker;
    private final EventTimePacer.Sleeper sleeper;
    private Runnable onRestart = () -> { };
    // Guarded by this.
    private boolean paused;
    private double speed;
    private long cursor = NONE;
    private boolean restart;
    private boolean reanchor = true;
    private boolean waiting;
    private long at = NONE;
    private long from = NONE;
    private long to = NONE;
    private boolean done;
    private long changes;
    // Owned by the replay thread.
    private Pacing pacer;

    /**
     * @param speed   the starting speed, 0 < speed ≤ {@link #MAX_SPEED}, or {@link #UNPACED}
     * @param ticker  wall-clock nanoseconds
     * @param sleeper how the replay thread waits when it is ahead
     */
    public ReplayControl(double speed, EventTimePacer.Ticker ticker, EventTimePacer.Sleeper sleeper) {
        this.speed = checkSpeed(speed);
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** Told (on the calling thread, without locks held) when a seek back needs the replay restarted. */
    public synchronized void onRestart(Runnable action) {
        this.onRestart = action;
    }

    @Override
    public void pace(long eventMillis) throws InterruptedException {
        Pacing current;
        synchronized (this) {
            seen(eventMillis);
            while (paused && !restart && cursor == NONE) {
                waiting = true;
                wait();
            }
            waiting = false;
            if (restart || cursor != NONE && eventMillis < cursor) {
                return;
            }
            if (cursor != NONE || reanchor) {
                cursor = NONE;
                reanchor = false;
                pacer = speed == UNPACED ? EventTimePacer.unpaced()
                        : EventTimePacer.atSpeed(speed, ticker, this::sleepUnlessChanged);
            }
            current = pacer;
        }
        current.pace(eventMillis);
    }

    private void seen(long eventMillis) {
        at = Math.max(at, eventMillis);
        from = from == NONE ? eventMillis : Math.min(from, eventMillis);
        to = Math.max(to, eventMillis);
    }

    /** Sleeps in slices and stops early when a control changed, so pause, speed and seek act at once. */
    private void sleepUnlessChanged(long nanos) throws InterruptedException {
        long seenChanges = changes();
        long end = ticker.nanos() + nanos;
        for (long left = nanos; left > 0 && changes() == seenChanges; left = end - ticker.nanos()) {
            sleeper.sleep(Math.min(left, SLEEP_SLICE_NANOS));
        }
    }

    private synchronized long changes() {
        return changes;
    }

    /** Pauses or resumes; a resume re-anchors pacing at the next frame. */
    public synchronized Status pause(boolean pause) {
        if (paused && !pause) {
            reanchor = true;
        }
        paused = pause;
        return changed();
    }

    /**
     * Changes the speed; pacing re-anchors at the next frame.
     *
     * @throws IllegalArgumentException unless 0 < speed ≤ {@link #MAX_SPEED} or {@link #UNPACED}
     */
    public synchronized Status speed(double newSpeed) {
        speed = checkSpeed(newSpeed);
        reanchor = true;
        return changed();
    }

    /**
     * Moves the replay to event time {@code target}: forward by running unpaced until event time reaches
     * it, back by restarting the replay and running unpaced to it.
     *
     * @throws IllegalArgumentException when {@code target} is before the recording's first frame, after
     *                                  its end (once known), or nothing has been replayed yet
     */
    public Status seek(long target) {
        Runnable restartAction = null;
        Status status;
        synchronized (this) {
            if (from == NONE) {
                throw new IllegalArgumentException("nothing has been replayed yet; seek once the first frame is in");
            }
            if (target < from || done && target > to) {
                throw new IllegalArgumentException("seek must be within " + from + ".." + (done ? to + "" : "the end")
                        + " (event time, epoch ms), was " + target);
            }
            cursor = target;
            if (target < at) {
                restart = true;
                restartAction = onRestart;
            }
            status = changed();
        }
        if (restartAction != null) {
            restartAction.run();
        }
        return status;
    }

    private Status changed() {
        changes++;
        notifyAll();
        return status();
    }

    /** The state now. */
    public synchronized Status status() {
        return new Status(paused, speed, at, from, to, done);
    }

    /** Whether the replay thread is held by a pause now. */
    public synchronized boolean holding() {
        return waiting;
    }

    /**
     * Called by the owner before each run of the recording: clears a pending restart and forgets the
     * event time reached, keeping the cursor of the seek that asked for the run.
     */
    public synchronized void beginRun() {
        restart = false;
        done = false;
        at = NONE;
        reanchor = true;
    }

    /** Called by the owner when a run ended: whether it ended because a seek back asked to start again. */
    public synchronized boolean restartRequested() {
        return restart;
    }

    /** Called by the owner when a run read the recording to its end. */
    public synchronized void finished() {
        done = true;
        cursor = NONE;
        notifyAll();
    }

    /** Waits until a seek back asks for another run; false if interrupted. */
    public synchronized boolean awaitRestart() {
        try {
            while (!restart) {
                wait();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double checkSpeed(double speed) {
        if (speed == UNPACED || speed > 0 && speed <= MAX_SPEED) {
            return speed;
        }
        throw new IllegalArgumentException("speed must be above 0 and at most " + (long) MAX_SPEED
                + ", or max; was " + speed);
    }
}
