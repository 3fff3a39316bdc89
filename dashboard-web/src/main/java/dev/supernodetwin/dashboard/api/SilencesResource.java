package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.silence.Coverage;
import dev.supernodetwin.core.silence.Silence;
import dev.supernodetwin.core.silence.SilenceTarget;
import dev.supernodetwin.core.silence.Silences;
import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.core.topology.Topology;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.supernodetwin.dashboard.auth.Principal;
import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.http.Routes;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * {@code POST /api/silences}, {@code GET /api/silences} and {@code DELETE /api/silences?id=}: silences by
 * topology ({@code docs/alerting.md}). A silence names a device, lane, tray or rack and covers what is
 * downstream of it; covered alerts are flagged in {@code /api/alerts} and not notified.
 */
public final class SilencesResource {
    /** Longest silence accepted. */
    static final Duration MAX_DURATION = Duration.ofDays(30);
    /** Longest comment or creator name accepted. */
    static final int MAX_TEXT = 1000;
    private static final int SAMPLE = 12;

    private final SilenceBoard board;

    /** @param board the silences */
    public SilencesResource(SilenceBoard board) {
        this.board = board;
    }

    /** Adds the routes. */
    public void mount(Routes routes) {
        routes.post("/api/silences", Role.OPERATOR).handler(Responses.json(201, this::create));
        routes.get("/api/silences").handler(Responses.json(ctx -> list()));
        routes.delete("/api/silences", Role.OPERATOR).handler(Responses.json(this::expire));
    }

    /**
     * Who creates a silence: the signed-in user; on an open twin (no users configured) the body's
     * {@code by} field, {@code anonymous} without one.
     */
    static String createdBy(RoutingContext ctx, JsonObject body) {
        var signedIn = Routes.principal(ctx).filter(p -> p.via() != Principal.Via.OPEN);
        if (signedIn.isPresent()) {
            return signedIn.get().name();
        }
        Object by = body.getValue("by");
        if (by == null) {
            return "anonymous";
        }
        if (!(by instanceof String s) || s.isBlank() || s.length() > AlertsResource.MAX_BY_LENGTH) {
            throw ApiProblem.badRequest("field 'by' must be a non-empty string of at most "
                    + AlertsResource.MAX_BY_LENGTH + " characters");
        }
        return s;
    }

    private JsonObject create(RoutingContext ctx) {
        JsonObject body = Params.body(ctx);
        Object raw = body.getValue("target");
        if (!(raw instanceof String text) || text.isBlank()) {
            throw ApiProblem.badRequest("field 'target' must be a device, lane, tray:ID or rack:ID");
        }
        Topology topology = board.topology();
        SilenceTarget target = SilenceTarget.parse(text, topology).orElseThrow(() -> new ApiProblem(400,
                "silence.unknown-target", "'" + abbreviate(text) + "' names no device, lane, tray or rack of "
                + topology.supernode()));
        long now = board.clock().millis();
        long endsAt = endsAt(body, now);
        String comment = comment(body);
        Silence silence = new Silence(UUID.randomUUID().toString(), target, now, endsAt, createdBy(ctx, body), comment);
        board.add(silence);
        return json(board.current().get(silence.id()).orElseThrow(), topology, now);
    }

    private JsonObject list() {
        long now = board.clock().millis();
        JsonArray out = new JsonArray();
        for (Silences.Entry e : board.current().entries()) {
            out.add(json(e, board.topology(), now));
        }
        return new JsonObject().put("now", now).put("silences", out);
    }

    private JsonObject expire(RoutingContext ctx) {
        String id = Params.required(ctx, "id");
        Silence ended = board.expire(id).orElseThrow(() -> new ApiProblem(404, "silence.unknown",
                "no silence '" + abbreviate(id) + "'"));
        return json(board.current().get(ended.id()).orElseThrow(), board.topology(), board.clock().millis());
    }

    private static long endsAt(JsonObject body, long now) {
        Object duration = body.getValue("duration");
        Object endsAt = body.getValue("endsAt");
        if ((duration == null) == (endsAt == null)) {
            throw new ApiProblem(400, "silence.invalid-end", "give exactly one of 'duration' (e.g. \"2h\") or 'endsAt'");
        }
        long end = duration != null ? now + duration(duration).toMillis() : instant(endsAt);
        if (end <= now || end - now > MAX_DURATION.toMillis()) {
            throw new ApiProblem(400, "silence.invalid-end", "a silence must end in the future and within "
                    + MAX_DURATION.toDays() + " days");
        }
        return end;
    }

    /** The project's one spelling of durations ({@link Durations}), as scenarios and the command line use it. */
    private static Duration duration(Object v) {
        try {
            if (v instanceof String s) {
                return Duration.ofMillis(Durations.parse(s.trim()));
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the answer below, which says what is accepted.
        }
        throw new ApiProblem(400, "silence.invalid-end", "'duration' must be like 90s, 30m, 2h or 1d");
    }

    private static long instant(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Instant.parse(String.valueOf(v)).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ApiProblem(400, "silence.invalid-end", "'endsAt' must be epoch ms or an ISO-8601 instant");
        }
    }

    private static String comment(JsonObject body) {
        Object c = body.getValue("comment");
        if (c == null) {
            return "";
        }
        if (!(c instanceof String s) || s.length() > MAX_TEXT) {
            throw ApiProblem.badRequest("field 'comment' must be a string of at most " + MAX_TEXT + " characters");
        }
        return s;
    }

    /** One silence as the API shows it, with how much it covers and a few of the devices and lanes. */
    static JsonObject json(Silences.Entry e, Topology topology, long now) {
        Silence s = e.silence();
        Coverage c = e.coverage();
        JsonArray sample = new JsonArray();
        for (int d : c.devices()) {
            if (sample.size() == SAMPLE) {
                break;
            }
            sample.add(topology.device(d).id().value());
        }
        for (int l : c.lanes()) {
            if (sample.size() == SAMPLE) {
                break;
            }
            sample.add(topology.laneName(l));
        }
        JsonObject covers = new JsonObject().put("devices", c.deviceCount()).put("lanes", c.laneCount())
                .put("sample", sample);
        return new JsonObject().put("id", s.id()).put("target", s.target().text()).put("covers", covers)
                .put("startsAt", s.startsAt()).put("endsAt", s.endsAt()).put("createdBy", s.createdBy())
                .put("comment", s.comment()).put("active", s.activeAt(now));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
