package dev.supernodetwin.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of a tabular two-sided CUSUM (domain §6.1: k = 0.5σ, h = 4–5σ).
 *
 * @param k        allowance, in baseline σ: drift per sample that is forgiven
 * @param h        decision interval, in baseline σ
 * @param warmup   samples used to learn the baseline mean and σ (at least 2)
 * @param minSigma floor under the learned σ, in the signal's unit
 */
public record CusumSpec(double k, double h, int warmup, double minSigma) implements DetectorSpec {
    /** k = 0.5, h = 5, 30 samples of baseline, with the given σ floor. */
    public static CusumSpec defaults(double minSigma) {
        return new CusumSpec(0.5, 5, 30, minSigma);
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!(k >= 0) || !Double.isFinite(k)) {
            out.add("k must be ≥ 0 and finite, was " + k);
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            out.add("h must be positive and finite, was " + h);
        }
        if (warmup < 2 || warmup > Short.MAX_VALUE - 2) {
            out.add("warmup must be 2.." + (Short.MAX_VALUE - 2) + " samples, was " + warmup);
        }
        if (!(minSigma > 0) || !Double.isFinite(minSigma)) {
            out.add("minSigma must be positive and finite, was " + minSigma);
        }
        return out;
    }
}
