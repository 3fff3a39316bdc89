package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.dashboard.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/laser?id=} (blast radius) and {@code GET /api/ocs-port?id=} (links through a port). */
public final class OpticsResource {
    private final ApiSources sources;

    /** @param sources what the resource reads */
    public OpticsResource(ApiSources sources) {
        this.sources = sources;
    }

    /** Adds the routes, each with the role it needs. */
    public void mount(Routes routes) {
        routes.get("/api/laser").handler(Responses.json(this::laser));
        routes.get("/api/ocs-port").handler(Responses.json(this::ocsPort));
    }

    private JsonObject laser(RoutingContext ctx) {
        var topo = sources.layout().topology();
        return OpticsJson.laser(topo, Lookups.lane(topo, Params.required(ctx, "id"), DeviceKind.ELS));
    }

    private JsonObject ocsPort(RoutingContext ctx) {
        var topo = sources.layout().topology();
        int port = Lookups.lane(topo, Params.required(ctx, "id"), DeviceKind.OCS);
        return OpticsJson.ocsPort(sources.layout(), sources.board().latest(), port);
    }
}
