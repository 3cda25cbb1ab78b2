package dev.streamscout.api.observe;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * The route template a request matched ({@code /streams/{id}/moments}), never the raw URL, so
 * metric labels and log lines stay few however many distinct URLs clients send.
 */
public final class MatchedRoute {

    /** Label of requests no route matched that were answered 404 (unknown paths, probes, typos). */
    public static final String UNMATCHED = "UNMATCHED";
    /** Label of requests served by the static-file handler (dashboard, webjars). */
    public static final String STATIC = "STATIC";

    private MatchedRoute() {}

    /** The matched route's path, or {@link #UNMATCHED} / {@link #STATIC} when no route handled it. */
    public static String of(Context ctx) {
        Endpoint endpoint = endpoint(ctx);
        if (endpoint != null && endpoint.method.isHttpMethod()) {
            return endpoint.path;
        }
        return ctx.statusCode() == 404 ? UNMATCHED : STATIC;
    }

    private static Endpoint endpoint(Context ctx) {
        try {
            return ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException e) {
            // Javalin has no endpoint to report (e.g. the request never reached the router).
            return null;
        }
    }
}
