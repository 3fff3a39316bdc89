package dev.supernodetwin.dashboard.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON error bodies with stable codes: {@code {"error": "http.not-found", "message": "..."}}. */
public final class ApiError {
    private ApiError() {
    }

    /** Ends the request with {@code status} and a JSON error body. */
    public static void send(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        send(ctx.response(), status, code, message);
    }

    /** Ends {@code response} with {@code status} and a JSON error body. */
    public static void send(io.vertx.core.http.HttpServerResponse response, int status, String code, String message) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", code).put("message", message).encode());
    }
}
