package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.sim.FaultSpec;
import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.http.ApiError;
import dev.supernodetwin.dashboard.http.Routes;
import dev.supernodetwin.ingest.scenario.InvalidScenarioException;
import dev.supernodetwin.ingest.scenario.ScenarioReader;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * {@code POST /api/demo/faults}: injects one fault, written as a scenario entry without an onset, into the
 * running simulator; the onset is now. The fault is parsed like a scenario file's and checked against the
 * topology by the simulator itself, so a page can never inject what a scenario file could not.
 */
public final class DemoResource {
    private final ApiSources sources;

    /** @param sources what the resource reads; {@link ApiSources#faults()} is empty outside {@code twin demo} */
    public DemoResource(ApiSources sources) {
        this.sources = sources;
    }

    /** Adds the route, with the role it needs. */
    public void mount(Routes routes) {
        routes.post("/api/demo/faults", Role.ADMIN).handler(this::inject);
    }

    private void inject(RoutingContext ctx) {
        if (sources.faults().isEmpty()) {
            ApiError.send(ctx, 404, "demo.inactive", "faults can be injected only into 'twin demo'");
            return;
        }
        FaultSpec fault;
        try {
            fault = parse(Params.body(ctx));
        } catch (ApiProblem p) {
            ApiError.send(ctx, p.status(), p.code(), p.getMessage());
            return;
        }
        Future.fromCompletionStage(sources.faults().get().injectNow(fault), ctx.vertx().getOrCreateContext())
                .onComplete(done -> {
                    if (done.succeeded()) {
                        Responses.send(ctx, 202, new JsonObject().put("accepted", json(fault, done.result()))
                                .toBuffer());
                    } else if (done.cause() instanceof IllegalArgumentException e) {
                        ApiError.send(ctx, 400, "demo.bad-fault", withoutPath(e.getMessage()));
                    } else {
                        ApiError.send(ctx, 503, "demo.inactive", String.valueOf(done.cause().getMessage()));
                    }
                });
    }

    /** One fault as a scenario reader reads it, its onset set to zero (the injector moves it to now). */
    static FaultSpec parse(JsonObject body) {
        if (body.containsKey("onset")) {
            throw new ApiProblem(400, "demo.bad-fault", "onset: an injected fault starts now; leave onset out");
        }
        JsonObject entry = body.copy().put("onset", 0);
        String scenario = new JsonObject().put("faults", new JsonArray().add(entry)).encode();
        try {
            return new ScenarioReader().parse(scenario, false, "request").scenario().faults().get(0);
        } catch (InvalidScenarioException e) {
            throw new ApiProblem(400, "demo.bad-fault", String.join("; ", withoutPath(e.problems())));
        }
    }

    private static JsonObject json(FaultSpec f, long onset) {
        JsonObject o = new JsonObject().put("fault", f.type().code()).put("target", f.target()).put("onset", onset);
        f.durationMillis().ifPresent(d -> o.put("duration", d));
        f.magnitude().ifPresent(m -> o.put("magnitude", m));
        f.mode().ifPresent(m -> o.put("mode", m));
        return o;
    }

    /** Problems name {@code faults[N].target} (N counts injections); the request has just {@code target}. */
    private static List<String> withoutPath(List<String> problems) {
        return problems.stream().map(DemoResource::withoutPath).toList();
    }

    private static String withoutPath(String problem) {
        return problem.replaceAll("faults\\[\\d+]\\.", "").replaceAll("faults\\[\\d+]", "fault");
    }
}
