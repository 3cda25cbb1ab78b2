package dev.streamscout.api.problem;

import dev.streamscout.api.JsonResponse;
import dev.streamscout.store.StoreException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP statuses. Every error the API returns is an RFC 9457
 * problem body; only a bug yields 500, and its details stay in the log.
 */
public final class ProblemMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    private ProblemMapping() {}

    public static void register(RoutesConfig routes) {
        routes.exception(InvalidParameterException.class, (e, ctx) -> write(ctx, new Problem(
                Problem.INVALID_PARAMETER_TYPE, "Invalid query parameter", 400, e.getMessage(), ctx.path(),
                e.parameter())));
        routes.exception(EndpointNotFound.class, (e, ctx) ->
                write(ctx, standard(ctx, 404, "Nothing is served at " + ctx.method() + " " + ctx.path() + ".")));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, standard(ctx, e.getStatus(), e.getMessage())));
        routes.exception(StoreException.class, (e, ctx) -> {
            LOG.warn("Database unavailable while serving {} {}: {}", ctx.method(), ctx.path(), e.toString());
            write(ctx, standard(ctx, 503, "The database is unavailable; try again later."));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (exchangeIsOver(ctx)) {
                // A live stream ended after its response was recycled (the server stopping under an SSE
                // client). Nobody is left to answer, and touching the response would only throw again:
                // Javalin hands that exception back here, round and round.
                LOG.debug("error after the response was recycled: {}", e.toString());
                return;
            }
            LOG.error("Unexpected error serving {} {}", ctx.method(), ctx.path(), e);
            write(ctx, standard(ctx, 500, "An unexpected error occurred; it has been logged."));
        });
    }

    private static boolean exchangeIsOver(Context ctx) {
        try {
            ctx.path();
            return false;
        } catch (RuntimeException recycled) {
            return true;
        }
    }

    private static Problem standard(Context ctx, int status, String detail) {
        return new Problem(Problem.ABOUT_BLANK, HttpStatus.forStatus(status).getMessage(), status, detail,
                ctx.path(), null);
    }

    private static void write(Context ctx, Problem problem) {
        JsonResponse.write(ctx, problem.status(), JsonResponse.PROBLEM_JSON, problem);
    }
}
