package dev.streamscout.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small java.net.http wrapper for calling the simulator the way a Helix client would. */
final class HttpTestClient {

    static final String CLIENT_ID = "testclientid00000000000000000x";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply get(URI uri, String token) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(uri), token).GET().build());
    }

    Reply post(URI uri, String token) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(uri), token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Reply postForm(URI uri, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!response.body().isEmpty()) {
            json = Json.mapper().readTree(response.body());
        }
        return new Reply(response.statusCode(), json, response);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String token) {
        builder.timeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token).header("Client-Id", CLIENT_ID);
        }
        return builder;
    }
}
