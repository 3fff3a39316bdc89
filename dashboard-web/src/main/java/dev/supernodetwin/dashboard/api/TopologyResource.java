package dev.supernodetwin.dashboard.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** {@code GET /api/topology}: the structure document, encoded once and served as is. */
public final class TopologyResource {
    private final Buffer body;

    /** @param topologyView the document built by {@code TopologyView.of} */
    public TopologyResource(JsonObject topologyView) {
        this.body = topologyView.toBuffer();
    }

    /** Adds the route. */
    public void mount(Router router) {
        router.get("/api/topology").handler(ctx -> Responses.send(ctx, 200, body));
    }
}
