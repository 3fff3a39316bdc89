package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.ingest.alerthistory.AlertHistoryEntry;
import dev.supernodetwin.ingest.alerthistory.AlertHistoryException;
import dev.supernodetwin.ingest.alerthistory.AlertHistoryQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.supernodetwin.dashboard.http.Routes;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/alerts/history?from=MS&to=MS&device=ID&limit=N}: alert events, acknowledgements and
 * silence changes, newest first, read off the event loop (a file scan or an InfluxDB query).
 */
public final class AlertHistoryResource {
    /** Entries answered when no limit is given. */
    static final int DEFAULT_LIMIT = 200;

    private final AlertHistorySource source;

    /** @param source where history is read */
    public AlertHistoryResource(AlertHistorySource source) {
        this.source = source;
    }

    /** Adds the route. */
    public void mount(Routes routes) {
        routes.get("/api/alerts/history").handler(Responses.blocking(AlertHistoryResource::query, this::answer));
    }

    private static AlertHistoryQuery query(RoutingContext ctx) {
        long from = Params.optionalLong(ctx, "from").orElse(0L);
        long to = Params.optionalLong(ctx, "to").orElse(Long.MAX_VALUE);
        if (from < 0 || to < from) {
            throw ApiProblem.badRequest("query parameters need 0 <= from <= to, were from=" + from + " to=" + to);
        }
        int limit = Params.optionalInt(ctx, "limit", 1, AlertHistoryQuery.MAX_LIMIT).orElse(DEFAULT_LIMIT);
        return new AlertHistoryQuery(from, to, Params.optional(ctx, "device"), limit);
    }

    private JsonObject answer(AlertHistoryQuery q) {
        JsonArray out = new JsonArray();
        try {
            for (AlertHistoryEntry e : source.read(q)) {
                out.add(json(e));
            }
        } catch (AlertHistoryException e) {
            throw new ApiProblem(503, "history.unavailable", e.getMessage());
        }
        return new JsonObject().put("entries", out);
    }

    static JsonObject json(AlertHistoryEntry e) {
        JsonObject o = new JsonObject().put("ts", e.ts()).put("state", e.state()).put("id", e.id())
                .put("supernode", e.supernode()).put("kind", e.kind()).put("severity", e.severity())
                .put("category", e.category()).put("rule", e.rule()).put("rootCause", e.rootCause())
                .put("device", e.device()).put("summary", e.summary()).put("reason", e.reason())
                .put("affectedCount", e.affectedCount()).put("by", e.by()).put("comment", e.comment());
        o.put("eta", e.eta().isPresent() ? e.eta().getAsLong() : null);
        return o;
    }
}
