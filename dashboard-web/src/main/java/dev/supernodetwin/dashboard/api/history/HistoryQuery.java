package dev.supernodetwin.dashboard.api.history;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.DeviceKind;

import java.util.OptionalInt;

/**
 * One sensor over a time range, already resolved against the topology.
 *
 * @param supernode the supernode's name
 * @param device    device id
 * @param kind      the device's kind
 * @param lane      lane number, for lane metrics
 * @param metric    the metric
 * @param sensor    the sensor's index in the layout
 * @param from      first event time, epoch ms (inclusive)
 * @param to        last event time, epoch ms (inclusive)
 * @param points    most buckets to answer
 */
public record HistoryQuery(String supernode, String device, DeviceKind kind, OptionalInt lane, Metric metric,
                           int sensor, long from, long to, int points) {
    /** Checks the range. */
    public HistoryQuery {
        if (from > to || points < 1) {
            throw new IllegalArgumentException("need from <= to and points >= 1, were " + from + ", " + to + ", "
                    + points);
        }
    }

    /** Bucket width (ms) so that {@code points} buckets cover the range. */
    public long bucketMillis() {
        return Math.max(1, Math.floorDiv(to - from, points) + 1);
    }
}
