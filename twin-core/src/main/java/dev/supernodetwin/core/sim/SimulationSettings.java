package dev.supernodetwin.core.sim;

/**
 * How a simulation runs: the seed of every random draw, the event time of the first frame and the
 * reporting period. Two simulations with equal settings, topology and scenario emit identical frames.
 *
 * @param seed         seed of the simulation's random numbers
 * @param startMillis  event time (epoch ms) of the first tick; fault onsets are offsets from it
 * @param periodMillis time between ticks, in ms
 */
public record SimulationSettings(long seed, long startMillis, long periodMillis) {

    /** Longest period accepted: slower than a minute is no longer "live". */
    public static final long MAX_PERIOD_MILLIS = 60_000;

    /** Checks the period and start are usable. */
    public SimulationSettings {
        if (periodMillis <= 0 || periodMillis > MAX_PERIOD_MILLIS) {
            throw new IllegalArgumentException("periodMillis must be in 1.." + MAX_PERIOD_MILLIS + ", was " + periodMillis);
        }
        if (startMillis < 0) {
            throw new IllegalArgumentException("startMillis must be >= 0 (epoch ms), was " + startMillis);
        }
    }

    /** One-second ticks from {@code startMillis}: the default cadence of the live twin. */
    public static SimulationSettings everySecond(long seed, long startMillis) {
        return new SimulationSettings(seed, startMillis, 1000);
    }
}
