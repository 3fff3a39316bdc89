package dev.supernodetwin.core.detect;

/**
 * Multi-level static thresholds with hysteresis and an optional dwell, for every sensor of one rule.
 *
 * <p>Each watched sensor has a dense slot {@code 0..slots-1} chosen by the caller; the state is two
 * bytes per slot (current level, consecutive samples beyond the next level). Raising waits for the
 * dwell; clearing does not, because a reading back inside its limits is good news the caller should
 * see at once. Not thread-safe: one writer thread owns an instance.
 */
public final class Thresholds {
    /** Bytes of per-slot state (the primitive arrays' elements), for memory accounting. */
    public static final int BYTES_PER_SLOT = 2;

    private final Comparison comparison;
    private final double[] raise = new double[4];
    private final double[] clear = new double[4];
    private final int dwell;
    private final double firstRaise;
    private final byte[] level;
    private final byte[] beyondCount;
    private boolean changed;

    /** Thresholds for {@code slots} sensors, all starting at level 0. */
    public Thresholds(ThresholdSpec spec, int slots) {
        spec.requireValid();
        if (slots < 0) {
            throw new IllegalArgumentException("slots must be ≥ 0, was " + slots);
        }
        this.comparison = spec.comparison();
        for (int s = Severity.WARNING; s <= Severity.CRITICAL; s++) {
            raise[s] = spec.level(s).raise();
            clear[s] = spec.level(s).clear();
        }
        this.dwell = spec.dwell();
        double first = Double.NaN;
        for (int s = Severity.CRITICAL; s >= Severity.WARNING; s--) {
            first = Double.isNaN(raise[s]) ? first : raise[s];
        }
        this.firstRaise = first;
        this.level = new byte[slots];
        this.beyondCount = new byte[slots];
    }

    /**
     * Takes one reading and returns the slot's level after it (0 none … 3 critical). A NaN reading
     * (missing, rejected) leaves the level as it was.
     */
    public int update(int slot, double value) {
        int current = level[slot];
        changed = false;
        if (Double.isNaN(value)) {
            return current;
        }
        // Almost every reading is normal on a quiet sensor: one comparison and no writes.
        if (current == 0 && beyondCount[slot] == 0 && !comparison.beyond(value, firstRaise)) {
            return 0;
        }
        int raiseTo = current;
        for (int s = Severity.CRITICAL; s > current; s--) {
            // NaN raise (unused level) never compares true, so unused levels are skipped for free.
            if (comparison.beyond(value, raise[s])) {
                raiseTo = s;
                break;
            }
        }
        int next;
        if (raiseTo > current) {
            int count = beyondCount[slot] + 1;
            if (count >= dwell) {
                next = raiseTo;
                beyondCount[slot] = 0;
            } else {
                next = current;
                beyondCount[slot] = (byte) count;
            }
        } else {
            if (beyondCount[slot] != 0) {
                beyondCount[slot] = 0;
            }
            next = current;
            // Walk down only past the levels whose clear value the reading is back beyond.
            while (next > 0 && cleared(value, next)) {
                next--;
            }
        }
        if (next != current) {
            level[slot] = (byte) next;
            changed = true;
        }
        return next;
    }

    private boolean cleared(double value, int severity) {
        return Double.isNaN(raise[severity]) || comparison.cleared(value, clear[severity]);
    }

    /** Whether the last {@link #update} changed its slot's level. */
    public boolean changed() {
        return changed;
    }

    /** The slot's current level, without a reading. */
    public int level(int slot) {
        return level[slot];
    }

    /** Number of slots. */
    public int slots() {
        return level.length;
    }

    /** Bytes of per-slot state, for memory accounting. */
    public long stateBytes() {
        return (long) BYTES_PER_SLOT * level.length;
    }
}
