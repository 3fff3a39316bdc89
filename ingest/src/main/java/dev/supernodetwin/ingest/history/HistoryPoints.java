package dev.supernodetwin.ingest.history;

import dev.supernodetwin.core.history.MetricStats;
import dev.supernodetwin.core.history.StateChange;
import dev.supernodetwin.core.history.WindowAggregate;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.Topology;
import org.influxdb.dto.Point;

import java.util.concurrent.TimeUnit;

/**
 * The history schema: turns downsampled records into InfluxDB points. Tag values and field names are
 * built once per topology, not per point.
 *
 * <ul>
 *   <li>{@code telemetry}: one point per device (or lane) and window, at the window start; tags
 *       {@code supernode}, {@code device}, {@code kind}, and {@code lane} for lane metrics; fields
 *       {@code <metric>_min}, {@code <metric>_max}, {@code <metric>_mean} per gauge and {@code <metric>}
 *       (last value) per counter.</li>
 *   <li>{@code telemetry_state}: one point per state change, at its exact time; the same tags plus
 *       {@code metric}; field {@code value}.</li>
 * </ul>
 * Every field is a float, so no field can change type between points.
 */
public final class HistoryPoints {
    /** Measurement of window aggregates. */
    public static final String TELEMETRY = "telemetry";
    /** Measurement of state changes. */
    public static final String TELEMETRY_STATE = "telemetry_state";

    private static final String[] MIN = names("_min");
    private static final String[] MAX = names("_max");
    private static final String[] MEAN = names("_mean");
    private static final String[] PLAIN = names("");

    private final String supernode;
    private final String[] deviceIds;
    private final String[] kinds;
    private final String[] laneNames;

    /** Names for the devices of {@code topology}. */
    public HistoryPoints(Topology topology) {
        this.supernode = topology.supernode();
        int n = topology.deviceCount();
        this.deviceIds = new String[n];
        this.kinds = new String[n];
        int lanes = 0;
        for (Device d : topology.devices()) {
            deviceIds[d.index()] = d.id().value();
            kinds[d.index()] = d.kind().wireName();
            lanes = Math.max(lanes, d.laneCount());
        }
        this.laneNames = new String[lanes];
        for (int i = 0; i < lanes; i++) {
            laneNames[i] = Integer.toString(i);
        }
    }

    /** The point for one window aggregate. */
    public Point aggregate(WindowAggregate a) {
        Point.Builder b = tagged(TELEMETRY, a.windowStart(), a.device(), a.lane());
        for (MetricStats s : a.metrics()) {
            int m = s.metric().ordinal();
            if (s.metric().type() == Metric.Type.COUNTER) {
                b.addField(PLAIN[m], s.last());
            } else {
                b.addField(MIN[m], s.min());
                b.addField(MAX[m], s.max());
                b.addField(MEAN[m], s.mean());
            }
        }
        return b.build();
    }

    /** The point for one state change. */
    public Point stateChange(StateChange c) {
        return tagged(TELEMETRY_STATE, c.timestamp(), c.device(), c.lane())
                .tag("metric", PLAIN[c.metric().ordinal()])
                .addField("value", c.value())
                .build();
    }

    private Point.Builder tagged(String measurement, long time, int device, int lane) {
        Point.Builder b = Point.measurement(measurement)
                .time(time, TimeUnit.MILLISECONDS)
                .tag("supernode", supernode)
                .tag("device", deviceIds[device])
                .tag("kind", kinds[device]);
        if (lane >= 0) {
            b.tag("lane", laneNames[lane]);
        }
        return b;
    }

    private static String[] names(String suffix) {
        String[] names = new String[Metric.COUNT];
        for (Metric m : Metric.values()) {
            names[m.ordinal()] = m.wireName() + suffix;
        }
        return names;
    }
}
