package dev.supernodetwin.dashboard.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads query parameters and JSON bodies, turning anything malformed into {@code 400 http.bad-request}. */
public final class Params {
    private Params() {
    }

    /** A parameter that must be there and not blank. */
    public static String required(RoutingContext ctx, String name) {
        return optional(ctx, name).orElseThrow(() -> ApiProblem.badRequest("query parameter '" + name
                + "' is missing"));
    }

    /** A parameter, empty when missing or blank. */
    public static Optional<String> optional(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** A whole-number parameter. */
    public static OptionalLong optionalLong(RoutingContext ctx, String name) {
        Optional<String> v = optional(ctx, name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.get()));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("query parameter '" + name + "' must be a whole number, was '" + v.get() + "'");
        }
    }

    /** A whole-number parameter in {@code min..max}. */
    public static OptionalInt optionalInt(RoutingContext ctx, String name, int min, int max) {
        OptionalLong v = optionalLong(ctx, name);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        if (v.getAsLong() < min || v.getAsLong() > max) {
            throw ApiProblem.badRequest("query parameter '" + name + "' must be " + min + ".." + max + ", was "
                    + v.getAsLong());
        }
        return OptionalInt.of((int) v.getAsLong());
    }

    /** The request body as a JSON object. */
    public static JsonObject body(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() == 0) {
            throw ApiProblem.badRequest("the request needs a JSON object body");
        }
        try {
            Object parsed = ctx.body().buffer().toJsonValue();
            if (parsed instanceof JsonObject o) {
                return o;
            }
        } catch (DecodeException e) {
            throw ApiProblem.badRequest("the body is not valid JSON: " + e.getMessage());
        }
        throw ApiProblem.badRequest("the body must be a JSON object");
    }

    /** A string field of a body, required and not blank. */
    public static String text(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw ApiProblem.badRequest("field '" + field + "' must be a non-empty string, was " + v);
        }
        return s;
    }
}
