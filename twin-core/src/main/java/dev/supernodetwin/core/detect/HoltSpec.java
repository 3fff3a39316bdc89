package dev.supernodetwin.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of Holt's double exponential smoothing with a time-to-threshold forecast (domain §6.1).
 *
 * @param alpha      level smoothing, in (0, 1]
 * @param beta       trend smoothing, in (0, 1]
 * @param minSamples readings before a forecast is offered (confidence ramps up to it)
 */
public record HoltSpec(double alpha, double beta, int minSamples) implements DetectorSpec {
    /** α = 0.3, β = 0.1, 10 samples. */
    public static HoltSpec defaults() {
        return new HoltSpec(0.3, 0.1, 10);
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
        return out;
    }
}
