package dev.streamscout.api;

import dev.streamscout.core.json.Json;
import io.javalin.http.Context;

/** Writes bodies with the project's one JSON mapper, so the API and Kafka payloads agree on formats. */
public final class JsonResponse {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private JsonResponse() {}

    public static void write(Context ctx, int status, Object body) {
        write(ctx, status, JSON, body);
    }

    public static void write(Context ctx, int status, String contentType, Object body) {
        ctx.status(status).contentType(contentType).result(Json.toBytes(body));
    }
}
