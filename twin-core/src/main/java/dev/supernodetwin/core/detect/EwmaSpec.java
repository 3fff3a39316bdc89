package dev.supernodetwin.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of an EWMA z-score detector (domain §6.1: λ 0.1–0.3, L = 3).
 *
 * @param lambda   weight of the newest sample, in (0, 1]
 * @param limit    z above which a sample is flagged
 * @param warmup   samples before anything is flagged (the mean and variance need them to settle)
 * @param minSigma floor under σ, in the signal's unit, so a flat signal does not flag quantisation noise
 */
public record EwmaSpec(double lambda, double limit, int warmup, double minSigma) implements DetectorSpec {
    /** λ = 0.2, L = 3, 20 samples of warm-up, with the given σ floor. */
    public static EwmaSpec defaults(double minSigma) {
        return new EwmaSpec(0.2, 3, 20, minSigma);
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!(lambda > 0 && lambda <= 1)) {
            out.add("lambda must be in (0, 1], was " + lambda);
        }
        if (!(limit > 0) || !Double.isFinite(limit)) {
            out.add("limit must be a positive finite z, was " + limit);
        }
        if (warmup < 1 || warmup > Short.MAX_VALUE) {
            out.add("warmup must be 1.." + Short.MAX_VALUE + " samples, was " + warmup);
        }
        if (!(minSigma > 0) || !Double.isFinite(minSigma)) {
            out.add("minSigma must be positive and finite, was " + minSigma);
        }
        return out;
    }
}
