package dev.supernodetwin.core.history;

import java.util.List;

/**
 * The summary of one device, or one lane of it, over one event-time window: one history point.
 *
 * @param windowStart start of the window, epoch ms (aligned to the epoch)
 * @param device      device index
 * @param lane        lane number within the device, or -1 for the device's own metrics
 * @param metrics     the gauge and counter sensors that reported in the window, in layout order
 */
public record WindowAggregate(long windowStart, int device, int lane, List<MetricStats> metrics) {

    /** Copies the list and checks it is not empty. */
    public WindowAggregate {
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a window aggregate needs at least one reporting metric");
        }
    }
}
