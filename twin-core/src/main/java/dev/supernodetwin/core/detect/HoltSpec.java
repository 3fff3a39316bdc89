package dev.supernodetwin.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of Holt's double exponential smoothing with a time-to-threshold forecast (domain §6.1).
 *
 * @param alpha      level smoothing, in (0, 1]
 * @param beta       trend smoothing, in (0, 1]
 * @param minSamples readings before a forecast is offered (confidence ramps up to it)
 * @param target     the threshold the forecast is for (a rule's value; {@link HoltTrend} takes any)
 * @param horizonMs  a predicted crossing sooner than this is worth reporting
 */
public record HoltSpec(double alpha, double beta, int minSamples, double target, long horizonMs)
        implements DetectorSpec {
    /** α = 0.3, β = 0.1, 10 samples, towards {@code target} within {@code horizonMs}. */
    public static HoltSpec defaults(double target, long horizonMs) {
        return new HoltSpec(0.3, 0.1, 10, target, horizonMs);
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!(alpha > 0 && alpha <= 1)) {
            out.add("alpha must be in (0, 1], was " + alpha);
        }
        if (!(beta > 0 && beta <= 1)) {
            out.add("beta must be in (0, 1], was " + beta);
        }
        if (minSamples < 2 || minSamples > Short.MAX_VALUE) {
            out.add("minSamples must be 2.." + Short.MAX_VALUE + ", was " + minSamples);
        }
        if (!Double.isFinite(target)) {
            out.add("target must be finite, was " + target);
        }
        if (horizonMs <= 0) {
            out.add("horizonMs must be positive, was " + horizonMs);
        }
        return out;
    }
}
