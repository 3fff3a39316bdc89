package dev.supernodetwin.core.history;

import dev.supernodetwin.core.metric.Metric;

/**
 * What one sensor reported during one window.
 *
 * @param metric the sensor's metric
 * @param count  samples folded in (at least one)
 * @param min    smallest value
 * @param max    largest value
 * @param mean   arithmetic mean, for a gauge; NaN for a counter
 * @param last   the value that arrived last, for a counter (what it is summarised by); NaN for a gauge
 */
public record MetricStats(Metric metric, int count, double min, double max, double mean, double last) {

    /** Checks the summary is of at least one sample. */
    public MetricStats {
        if (count < 1) {
            throw new IllegalArgumentException("a window summary needs at least one sample, count was " + count);
        }
    }
}
