package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.state.StateSnapshot;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.IntSeq;
import dev.supernodetwin.core.topology.Topology;
import dev.supernodetwin.dashboard.http.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/** {@code GET /api/device?id=} and {@code GET /api/lanes?metric=}: current values from the latest snapshot. */
public final class DeviceResource {
    /** The engine lane metrics {@code /api/lanes} serves. */
    static final Set<Metric> LANE_METRICS = Set.of(Metric.RX_DBM, Metric.TX_DBM, Metric.PRE_FEC_BER,
            Metric.MRM_HEATER_MW, Metric.LASER_IN_DBM);

    private final ApiSources sources;

    /** @param sources what the resource reads */
    public DeviceResource(ApiSources sources) {
        this.sources = sources;
    }

    /** Adds the routes, each with the role it needs. */
    public void mount(Routes routes) {
        // An OCS or a laser source has thousands of sensors: devices are rendered on a worker too.
        routes.get("/api/device").handler(Responses.blocking(this::deviceQuery, this::device));
        // A lane array has one value per engine lane (a hundred thousand on a large supernode): built on a worker.
        routes.get("/api/lanes").handler(Responses.blocking(this::laneQuery, this::lanes));
    }

    private record DeviceQuery(int device, StateSnapshot snapshot) {
    }

    private DeviceQuery deviceQuery(RoutingContext ctx) {
        int device = Lookups.device(sources.layout().topology(), Params.required(ctx, "id"));
        return new DeviceQuery(device, Lookups.snapshot(sources.board()));
    }

    private JsonObject device(DeviceQuery q) {
        return DeviceJson.render(sources.layout(), q.snapshot(), sources.alerts().view().firing(), q.device());
    }

    private record LaneQuery(Metric metric, StateSnapshot snapshot) {
    }

    private LaneQuery laneQuery(RoutingContext ctx) {
        String name = Params.required(ctx, "metric");
        Metric metric = Lookups.metric(name);
        if (!LANE_METRICS.contains(metric)) {
            throw new ApiProblem(400, "metric.unknown", "'" + name + "' is not an engine lane metric; use one of "
                    + "rx_dbm, tx_dbm, pre_fec_ber, mrm_heater_mw, laser_in_dbm");
        }
        return new LaneQuery(metric, Lookups.snapshot(sources.board()));
    }

    private JsonObject lanes(LaneQuery q) {
        return lanes(sources.layout(), q.snapshot(), q.metric());
    }

    /** Every engine lane's fresh value of {@code metric}, engines in topology order, lanes in number order. */
    public static JsonObject lanes(SensorLayout layout, StateSnapshot snapshot, Metric metric) {
        Topology topo = layout.topology();
        IntSeq engines = topo.devicesOfKind(DeviceKind.OE);
        JsonArray values = new JsonArray();
        for (int i = 0; i < engines.size(); i++) {
            int engine = engines.get(i);
            for (int lane = 0; lane < topo.device(engine).laneCount(); lane++) {
                values.add(Lookups.fresh(snapshot, layout.laneSensor(engine, lane, metric)));
            }
        }
        return new JsonObject().put("metric", metric.wireName()).put("at", Lookups.eventTime(snapshot)).put("values", values);
    }
}
