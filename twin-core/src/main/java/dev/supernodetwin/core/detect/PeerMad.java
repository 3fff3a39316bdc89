package dev.supernodetwin.core.detect;

import java.util.Arrays;

/**
 * Robust peer comparison within a group of sensors that should read alike (the lanes of an engine,
 * the GPUs of a rack): the modified z-score {@code M = 0.6745 (x − median) / MAD} of each member.
 *
 * <p>Computed on demand over a small group, so it keeps no per-sensor state: it reads the members'
 * current values from the caller's array (the twin state) and works in one reusable scratch array,
 * allocating nothing per call. A uniform shift of the whole group moves the median with it and flags
 * nobody; that is the point (a rack-wide change belongs to the rack, not to one GPU). Not
 * thread-safe: the scratch array belongs to the instance.
 */
public final class PeerMad {
    /** 0.6745 = Φ⁻¹(0.75): makes the MAD a consistent estimate of σ for normal data. */
    private static final double CONSISTENCY = 0.6745;

    private final double limit;
    private final double minMad;
    private final int minPeers;
    private final double[] scratch;

    /** A comparer for groups of up to {@code maxGroup} members. */
    public PeerMad(PeerMadSpec spec, int maxGroup) {
        spec.requireValid();
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be ≥ 1, was " + maxGroup);
        }
        this.limit = spec.limit();
        this.minMad = spec.minMad();
        this.minPeers = spec.minPeers();
        this.scratch = new double[maxGroup];
    }

    /**
     * Scores the group {@code members[0..count)}, reading each member's value at
     * {@code values[members[i]]}, and writes M into {@code scores[i]} (NaN for a member without a
     * reading, and for everyone when fewer than {@code minPeers} have one). Returns the number of
     * outliers.
     */
    public int score(double[] values, int[] members, int count, double[] scores) {
        if (count > scratch.length) {
            throw new IllegalArgumentException("group of " + count + " exceeds maxGroup " + scratch.length);
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            double v = values[members[i]];
            if (!Double.isNaN(v)) {
                scratch[n++] = v;
            }
        }
        if (n < minPeers) {
            Arrays.fill(scores, 0, count, Double.NaN);
            return 0;
        }
        double median = median(n);
        for (int i = 0; i < n; i++) {
            scratch[i] = Math.abs(scratch[i] - median);
        }
        double mad = Math.max(median(n), minMad);
        int outliers = 0;
        for (int i = 0; i < count; i++) {
            double v = values[members[i]];
            double m = Double.isNaN(v) ? Double.NaN : CONSISTENCY * (v - median) / mad;
            scores[i] = m;
            if (Math.abs(m) > limit) {
                outliers++;
            }
        }
        return outliers;
    }

    /** Whether a score from {@link #score} marks an outlier. */
    public boolean isOutlier(double score) {
        return Math.abs(score) > limit;
    }

    // Sorting a primitive range of a small group allocates nothing (insertion/quick sort in the JDK).
    private double median(int n) {
        Arrays.sort(scratch, 0, n);
        int mid = n >>> 1;
        return (n & 1) == 1 ? scratch[mid] : 0.5 * (scratch[mid - 1] + scratch[mid]);
    }
}
