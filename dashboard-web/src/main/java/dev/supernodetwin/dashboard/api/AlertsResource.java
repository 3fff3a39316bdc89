package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.AlertBoard;
import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.dashboard.auth.Principal;
import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.http.Routes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/alerts}, {@code POST /api/alerts/ack} and {@code GET /api/predictions}: the alert
 * board as the page shows it, and acknowledgements kept in memory.
 */
public final class AlertsResource {
    /** Longest name an acknowledgement may carry. */
    static final int MAX_BY_LENGTH = 200;

    private final ApiSources sources;

    /** @param sources what the resource reads */
    public AlertsResource(ApiSources sources) {
        this.sources = sources;
    }

    /** Adds the routes, each with the role it needs. */
    public void mount(Routes routes) {
        routes.get("/api/alerts").handler(this::alerts);
        routes.post("/api/alerts/ack", Role.OPERATOR).handler(Responses.json(this::ack));
        routes.get("/api/predictions").handler(Responses.json(ctx -> predictions()));
    }

    private void alerts(RoutingContext ctx) {
        AlertBoard.View view = sources.alerts().view();
        Responses.send(ctx, 200, Buffer.buffer(AlertsResponse.render(view, sources.acks().of(view),
                sources.silences()::covering)));
    }

    private JsonObject ack(RoutingContext ctx) {
        JsonObject body = Params.body(ctx);
        String id = Params.text(body, "id");
        // A signed-in user acknowledges as themself; only an open twin takes the name from the body.
        Optional<String> signedIn = Routes.principal(ctx).filter(p -> p.via() != Principal.Via.OPEN)
                .map(Principal::name);
        String by = signedIn.isPresent() ? signedIn.get() : Params.text(body, "by");
        if (by.length() > MAX_BY_LENGTH) {
            throw ApiProblem.badRequest("field 'by' must be at most " + MAX_BY_LENGTH + " characters");
        }
        AckBoard.Ack ack = sources.acks().ack(sources.alerts().view(), id, by, sources.clock().millis())
                .orElseThrow(() -> new ApiProblem(404, "alert.unknown", "no alert '" + id + "' is firing"));
        return new JsonObject().put("id", ack.id()).put("by", ack.by()).put("at", ack.at());
    }

    /** Firing predictions, soonest failure first. */
    private JsonObject predictions() {
        long at = sources.board().latest().map(Lookups::eventTime).orElse(sources.clock().millis());
        List<AlertEvent> ranked = sources.alerts().view().firing().stream()
                .filter(e -> e.kind() == AlertEvent.Kind.PREDICTION)
                .sorted(Comparator.comparingLong(e -> e.eta().orElse(Long.MAX_VALUE))).toList();
        JsonArray out = new JsonArray();
        for (AlertEvent e : ranked) {
            long eta = e.eta().orElseThrow();
            out.add(new JsonObject().put("alert", Lookups.event(e)).put("eta", eta).put("etaInMs", eta - at));
        }
        return new JsonObject().put("at", at).put("predictions", out);
    }
}
