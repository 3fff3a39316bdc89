package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.dashboard.http.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.function.Function;

/** How resources answer: JSON bodies, {@link ApiProblem}s as error bodies, blocking work off the event loop. */
public final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
    private static final String JSON = "application/json; charset=utf-8";
    /** Largest request body accepted; beyond it the body handler fails the request with 413. */
    public static final int BODY_LIMIT_BYTES = 64 * 1024;

    private Responses() {
    }

    /** A handler answering {@code 200} with what {@code answer} builds on the event loop (small documents). */
    public static Handler<RoutingContext> json(Function<RoutingContext, JsonObject> answer) {
        return json(200, answer);
    }

    /** A handler answering {@code status} with what {@code answer} builds on the event loop (small documents). */
    public static Handler<RoutingContext> json(int status, Function<RoutingContext, JsonObject> answer) {
        return ctx -> {
            try {
                send(ctx, status, answer.apply(ctx).toBuffer());
            } catch (ApiProblem p) {
                ApiError.send(ctx, p.status(), p.code(), p.getMessage());
            }
        };
    }

    /**
     * A handler that parses the request on the event loop ({@code prepare}, which may throw {@link
     * ApiProblem}) and builds the answer on a worker thread, for large documents and blocking queries.
     */
    public static <Q> Handler<RoutingContext> blocking(Function<RoutingContext, Q> prepare,
                                                       Function<Q, JsonObject> answer) {
        return ctx -> {
            Q query;
            try {
                query = prepare.apply(ctx);
            } catch (ApiProblem p) {
                ApiError.send(ctx, p.status(), p.code(), p.getMessage());
                return;
            }
            Callable<Buffer> work = () -> answer.apply(query).toBuffer();
            ctx.vertx().executeBlocking(work, false).onComplete(done -> {
                if (done.succeeded()) {
                    send(ctx, 200, done.result());
                } else if (done.cause() instanceof ApiProblem p) {
                    ApiError.send(ctx, p.status(), p.code(), p.getMessage());
                } else {
                    LOG.warn("{} failed", ctx.request().path(), done.cause());
                    ApiError.send(ctx, 500, "http.error", String.valueOf(done.cause().getMessage()));
                }
            });
        };
    }

    /**
     * Reads a request body of at most {@link #BODY_LIMIT_BYTES}. Put on each POST route rather than on a
     * prefix, so that a prefix route cannot turn a wrong path into a wrong method.
     */
    public static BodyHandler body() {
        return BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
    }

    /** Ends the request with {@code status} and a JSON body. */
    public static void send(RoutingContext ctx, int status, Buffer body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("content-type", JSON).end(body);
        }
    }
}
