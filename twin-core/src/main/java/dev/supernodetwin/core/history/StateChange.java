package dev.supernodetwin.core.history;

import dev.supernodetwin.core.metric.Metric;

/**
 * A state sensor (flag or code) took a new value; the first value seen counts as a change.
 *
 * @param timestamp event time of the sample, epoch ms
 * @param device    device index
 * @param lane      lane number within the device, or -1 for a device-level sensor
 * @param metric    the state metric
 * @param value     the new value
 */
public record StateChange(long timestamp, int device, int lane, Metric metric, double value) {
}
