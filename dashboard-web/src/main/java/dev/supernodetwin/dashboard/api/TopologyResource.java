package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.dashboard.http.Routes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** {@code GET /api/topology}: the structure document, encoded once and served as is. */
public final class TopologyResource {
    private final Buffer body;

    /** @param topologyView the document built by {@code TopologyView.of} */
    public TopologyResource(JsonObject topologyView) {
        this.body = topologyView.toBuffer();
    }

    /** Adds the route, with the role it needs. */
    public void mount(Routes routes) {
        routes.get("/api/topology").handler(ctx -> Responses.send(ctx, 200, body));
    }
}
