package dev.supernodetwin.dashboard.http;

import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.ingest.replay.ReplayControl;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * {@code GET} and {@code POST /api/replay} (docs/dashboard.md): the state of the replay and its controls.
 * When the twin is not replaying, {@code GET} answers {@code {"active": false}} and {@code POST}
 * {@code 409 replay.inactive}.
 */
public final class ReplayRoutes {
    private final Optional<ReplayControl> control;

    /** Routes for a replay's control, or for a twin that is not replaying. */
    public ReplayRoutes(Optional<ReplayControl> control) {
        this.control = control;
    }

    /** Adds the routes, each with the role it needs. */
    public void mount(Routes routes) {
        routes.get("/api/replay").handler(this::get);
        routes.post("/api/replay", Role.OPERATOR).handler(this::post);
    }

    private void get(RoutingContext ctx) {
        ctx.json(control.map(c -> json(c.status())).orElseGet(() -> new JsonObject().put("active", false)));
    }

    private void post(RoutingContext ctx) {
        if (control.isEmpty()) {
            ApiError.send(ctx, 409, "replay.inactive", "the twin is not replaying a recording");
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            ApiError.send(ctx, 400, "replay.bad-request", "the body is not a JSON object: " + e.getMessage());
            return;
        }
        try {
            ctx.json(json(apply(control.get(), body == null ? new JsonObject() : body)));
        } catch (IllegalArgumentException e) {
            ApiError.send(ctx, 400, "replay.bad-request", e.getMessage());
        }
    }

    /** Applies every control in {@code body}, after checking all of them, so a bad body changes nothing. */
    static ReplayControl.Status apply(ReplayControl c, JsonObject body) {
        for (String field : body.fieldNames()) {
            if (!field.equals("paused") && !field.equals("speed") && !field.equals("seek")) {
                throw new IllegalArgumentException("unknown field '" + field + "'; expected paused, speed or seek");
            }
        }
        if (body.isEmpty()) {
            throw new IllegalArgumentException("expected any of {\"paused\": true|false}, {\"speed\": N|\"max\"},"
                    + " {\"seek\": EVENT_MS}");
        }
        Optional<Boolean> paused = body.containsKey("paused") ? Optional.of(bool(body.getValue("paused")))
                : Optional.empty();
        Optional<Double> speed = body.containsKey("speed") ? Optional.of(speed(body.getValue("speed")))
                : Optional.empty();
        Optional<Long> seek = body.containsKey("seek") ? Optional.of(eventTime(body.getValue("seek")))
                : Optional.empty();
        // The seek is the only control that can still be refused (its range), so it goes first.
        seek.ifPresent(c::seek);
        speed.ifPresent(c::speed);
        paused.ifPresent(c::pause);
        return c.status();
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("paused must be true or false, was " + v);
    }

    private static double speed(Object v) {
        if ("max".equals(v)) {
            return ReplayControl.UNPACED;
        }
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= ReplayControl.MAX_SPEED) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("speed must be a number above 0 and at most "
                + (long) ReplayControl.MAX_SPEED + ", or \"max\"; was " + v);
    }

    private static long eventTime(Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException("seek must be an event time in epoch milliseconds, was " + v);
    }

    /** The state as the API and the live stream carry it. */
    public static JsonObject json(ReplayControl.Status s) {
        JsonObject o = new JsonObject().put("active", true).put("paused", s.paused());
        if (s.speed() == ReplayControl.UNPACED) {
            o.put("speed", "max");
        } else {
            o.put("speed", s.speed());
        }
        return o.put("at", time(s.at())).put("from", time(s.from())).put("to", time(s.to())).put("done", s.done());
    }

    private static Long time(long t) {
        return t == Long.MIN_VALUE ? null : t;
    }
}
