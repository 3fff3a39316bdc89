package dev.supernodetwin.core.sim;

/**
 * A synchronous training job: every GPU computes at ≈ 0.9 of its power limit and dips ≈ 30 % during
 * the collective at the end of each iteration (domain §8; ProphetStor's ~30 % NCCL drops [SEC S30c]).
 * All GPUs dip together, as the synchronised power swings of [PUB S31c] show.
 */
final class LoadPattern {
    static final double COMPUTE = 0.9;
    static final double COLLECTIVE = COMPUTE * 0.7;
    static final long ITERATION_MS = 30_000;
    static final long COLLECTIVE_MS = 6_000;
    /** Time-average share of design power. */
    static final double MEAN = (COMPUTE * (ITERATION_MS - COLLECTIVE_MS) + COLLECTIVE * COLLECTIVE_MS) / ITERATION_MS;
    /** Switch ASICs draw a steady share of their design power [EST]. */
    static final double SWITCH_SHARE = 0.8;

    private final long start;

    LoadPattern(long start) {
        this.start = start;
    }

    /** The GPUs' share of design power at event time {@code t}. */
    double at(long t) {
        long phase = Math.floorMod(t - start, ITERATION_MS);
        return phase < ITERATION_MS - COLLECTIVE_MS ? COMPUTE : COLLECTIVE;
    }
}
