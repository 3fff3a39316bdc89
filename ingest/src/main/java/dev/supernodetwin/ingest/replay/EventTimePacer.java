package dev.supernodetwin.ingest.replay;

/**
 * Paces a replay by event time: at speed N, event time advances N times as fast as wall time. Told the
 * event time of every frame, it only looks at the clock when event time has moved on by a coarse step
 * (10 ms of wall time at the chosen speed), and sleeps only when the replay is ahead, so the cost per
 * frame is one comparison. Time and sleep are injected so tests need no wall clock.
 *
 * <p>Event time is taken as it comes; a frame older than one already seen never moves the pace back.
 */
public final class EventTimePacer implements Pacing {
    /** Wall-clock nanoseconds. */
    @FunctionalInterface
    public interface Ticker {
        /** Nanoseconds from an arbitrary origin. */
        long nanos();

        /** {@link System#nanoTime()}. */
        static Ticker system() {
            return System::nanoTime;
        }
    }

    /** Waits. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps about {@code nanos}. */
        void sleep(long nanos) throws InterruptedException;

        /** {@link Thread#sleep(long, int)}. */
        static Sleeper system() {
            return nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    private static final long STEP_WALL_NANOS = 10_000_000;
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final double speed;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final long stepEventMillis;
    private long eventOrigin = NOT_STARTED;
    private long wallOrigin;
    private long nextCheck;
    private long sleeps;
    private long sleptNanos;

    private EventTimePacer(double speed, Ticker ticker, Sleeper sleeper) {
        this.speed = speed;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.stepEventMillis = speed > 0 ? Math.max(1, Math.round(STEP_WALL_NANOS / 1e6 * speed)) : Long.MAX_VALUE;
    }

    /** No pacing: as fast as the pipeline goes. */
    public static EventTimePacer unpaced() {
        return new EventTimePacer(0, () -> 0, nanos -> { });
    }

    /**
     * Pacing at {@code speed} × real time.
     *
     * @throws IllegalArgumentException unless {@code speed} is positive and finite
     */
    public static EventTimePacer atSpeed(double speed, Ticker ticker, Sleeper sleeper) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
        return new EventTimePacer(speed, ticker, sleeper);
    }

    /** Whether this pacer ever waits. */
    public boolean paced() {
        return speed > 0;
    }

    /** Called before a frame of event time {@code eventMillis} is applied; may sleep. */
    @Override
    public void pace(long eventMillis) throws InterruptedException {
        if (eventMillis < nextCheck || speed == 0) {
            return;
        }
        if (eventOrigin == NOT_STARTED) {
            eventOrigin = eventMillis;
            wallOrigin = ticker.nanos();
            nextCheck = eventMillis + stepEventMillis;
            return;
        }
        nextCheck = eventMillis + stepEventMillis;
        long due = wallOrigin + (long) ((eventMillis - eventOrigin) * 1e6 / speed);
        long ahead = due - ticker.nanos();
        if (ahead > 0) {
            sleeps++;
            sleptNanos += ahead;
            sleeper.sleep(ahead);
        }
    }

    /** Times the pacer slept. */
    public long sleeps() {
        return sleeps;
    }

    /** Nanoseconds the pacer asked to sleep in total. */
    public long sleptNanos() {
        return sleptNanos;
    }
}
