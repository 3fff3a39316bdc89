package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.history.RecentHistory;
import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.dashboard.api.history.HistoryQuery;
import dev.supernodetwin.dashboard.api.history.HistoryUnavailableException;
import dev.supernodetwin.dashboard.http.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.OptionalInt;

/**
 * {@code GET /api/history?device=&lane=&metric=&from=&to=&points=}: one sensor over a time range, as
 * {@code [time, min, mean, max]} buckets from the configured {@link dev.supernodetwin.dashboard.api.history.HistorySource}.
 * The query runs on a worker thread, since InfluxDB may be slow or down.
 */
public final class HistoryResource {
    /** Default and largest number of buckets. */
    static final int DEFAULT_POINTS = 600;
    static final int MAX_POINTS = 5_000;
    /** Default range: the last 15 minutes of event time. */
    static final long DEFAULT_RANGE_MILLIS = 15 * 60_000L;

    private final ApiSources sources;

    /** @param sources what the resource reads */
    public HistoryResource(ApiSources sources) {
        this.sources = sources;
    }

    /** Adds the route, with the role it needs. */
    public void mount(Routes routes) {
        routes.get("/api/history").handler(Responses.blocking(this::parse, this::answer));
    }

    private HistoryQuery parse(RoutingContext ctx) {
        SensorLayout layout = sources.layout();
        int device = Lookups.device(layout.topology(), Params.required(ctx, "device"));
        Device d = layout.topology().device(device);
        Metric metric = Lookups.metric(Params.required(ctx, "metric"));
        OptionalInt lane = Params.optionalInt(ctx, "lane", 0, Integer.MAX_VALUE);
        int sensor = sensor(layout, d, metric, lane);
        long now = sources.board().latest().map(Lookups::eventTime).orElse(sources.clock().millis());
        long to = Params.optionalLong(ctx, "to").orElse(now);
        long from = Params.optionalLong(ctx, "from").orElse(to - DEFAULT_RANGE_MILLIS);
        if (from > to) {
            throw new ApiProblem(400, "range.invalid", "from (" + from + ") is after to (" + to + ")");
        }
        int points = Params.optionalInt(ctx, "points", 1, MAX_POINTS).orElse(DEFAULT_POINTS);
        OptionalInt laneOfSensor = d.kind().laneSlot(metric) >= 0 ? lane : OptionalInt.empty();
        return new HistoryQuery(layout.topology().supernode(), d.id().value(), d.kind(), laneOfSensor, metric,
                sensor, from, to, points);
    }

    /** The sensor a device, metric and lane name, or {@code 404 sensor.unknown} saying what is wrong. */
    private static int sensor(SensorLayout layout, Device d, Metric metric, OptionalInt lane) {
        if (d.kind().deviceSlot(metric) >= 0) {
            return layout.sensor(d.index(), metric);
        }
        if (d.kind().laneSlot(metric) < 0) {
            throw new ApiProblem(404, "sensor.unknown", d.kind().wireName() + " " + d.id().value()
                    + " does not report " + metric.wireName());
        }
        if (lane.isEmpty() || lane.getAsInt() >= d.laneCount()) {
            throw new ApiProblem(404, "sensor.unknown", metric.wireName() + " is a lane metric: give lane=0.."
                    + (d.laneCount() - 1) + (lane.isEmpty() ? "" : ", was " + lane.getAsInt()));
        }
        return layout.laneSensor(d.index(), lane.getAsInt(), metric);
    }

    private JsonObject answer(HistoryQuery q) {
        List<RecentHistory.Point> points;
        try {
            points = sources.history().query(q);
        } catch (HistoryUnavailableException e) {
            throw new ApiProblem(503, "history.unavailable", e.getMessage());
        }
        JsonArray rows = new JsonArray();
        for (RecentHistory.Point p : points) {
            rows.add(new JsonArray().add(p.time()).add(p.min()).add(p.mean()).add(p.max()));
        }
        JsonObject out = new JsonObject().put("device", q.device())
                .put("lane", q.lane().isPresent() ? q.lane().getAsInt() : null)
                .put("metric", q.metric().wireName()).put("unit", q.metric().unit().symbol())
                .put("source", sources.history().name()).put("from", q.from()).put("to", q.to()).put("points", rows);
        Device d = sources.layout().topology().device(sources.layout().deviceOf(q.sensor()));
        RuleThresholds.of(sources.rules(), d.kind(), d.form(), q.metric()).ifPresent(t -> out.put("thresholds", t));
        return out;
    }
}
