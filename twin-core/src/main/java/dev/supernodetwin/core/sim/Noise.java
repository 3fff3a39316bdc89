package dev.supernodetwin.core.sim;

import java.util.SplittableRandom;

/**
 * Gaussian and uniform draws from a seeded {@link SplittableRandom}. The normal draws use the polar
 * method with {@link StrictMath} so the stream is the same on every JVM, which the JDK's own
 * {@code nextGaussian} does not promise across versions.
 */
final class Noise {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    Noise(SplittableRandom random) {
        this.random = random;
    }

    /** A standard normal draw. */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * scale;
        hasSpare = true;
        return u * scale;
    }

    /** A normal draw with standard deviation {@code sigma}. */
    double gaussian(double sigma) {
        return sigma * gaussian();
    }

    /** A uniform draw in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }
}
