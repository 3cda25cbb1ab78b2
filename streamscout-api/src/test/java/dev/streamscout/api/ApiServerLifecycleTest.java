package dev.streamscout.api;

import static dev.streamscout.api.ApiTestSupport.get;
import static dev.streamscout.api.ApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.api.live.LiveFeed;
import dev.streamscout.api.live.LiveFeedSettings;
import dev.streamscout.api.live.LiveHub;
import dev.streamscout.api.live.LiveRoutes;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health turning DOWN, database loss, and stopping the server (live clients too); each test has its own server. */
class ApiServerLifecycleTest {

    private Path dataDir;
    private Database database;

    @BeforeEach
    void openDatabase() throws IOException {
        dataDir = Files.createTempDirectory("streamscout-api-lifecycle");
        database = Database.open(DatabaseSettings.h2File(dataDir));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
        ApiTestSupport.deleteRecursively(dataDir);
    }

    @Test
    void healthTurns503WhenTheDatabaseCloses() {
        try (ApiServer server = new ApiServer(ApiSettings.loopback(0), new ClipDao(database.dataSource()),
                List.of(HealthCheck.of("database", database::isHealthy))).start()) {
            assertThat(get(server.port(), "/health").statusCode()).isEqualTo(200);

            database.close();

            HttpResponse<String> health = get(server.port(), "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = json(health);
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(body.get("checks").get("database").asText()).isEqualTo("DOWN");

            // Queries now fail in the store: a 503 problem, not a 500.
            HttpResponse<String> clips = get(server.port(), "/v1.0/clip");
            assertThat(clips.statusCode()).isEqualTo(503);
            assertThat(clips.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(json(clips).get("status").asInt()).isEqualTo(503);
        }
    }

    @Test
    void everyCheckIsReportedAndAThrowingCheckCountsAsDown() {
        AtomicBoolean cacheUp = new AtomicBoolean(true);
        List<HealthCheck> checks = List.of(
                HealthCheck.of("database", database::isHealthy),
                HealthCheck.of("cache", cacheUp::get),
                HealthCheck.of("broken", () -> {
                    throw new IllegalStateException("probe exploded");
                }));
        try (ApiServer server = new ApiServer(ApiSettings.loopback(0), new ClipDao(database.dataSource()), checks)
                .start()) {
            HttpResponse<String> response = get(server.port(), "/health");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = json(response);
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(body.get("checks").get("database").asText()).isEqualTo("UP");
            assertThat(body.get("checks").get("cache").asText()).isEqualTo("UP");
            assertThat(body.get("checks").get("broken").asText()).isEqualTo("DOWN");
        }
    }

    @Test
    void closeStopsListeningQuickly() {
        ApiServer server = new ApiServer(ApiSettings.loopback(0), new ClipDao(database.dataSource()), List.of())
                .start();
        int port = server.port();
        assertThat(get(port, "/health").statusCode()).isEqualTo(200);

        long started = System.nanoTime();
        server.close();
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMs).isLessThan(5_000);
        assertThat(server.port()).isEqualTo(-1);
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            }
        }).isInstanceOf(ConnectException.class);
        server.close(); // second close is harmless
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeEndsConnectedLiveClientsAtOnce() throws Exception {
        // The feed is never started (nothing to read): its hub is what the live endpoints serve from.
        try (LiveFeed feed = new LiveFeed(LiveFeedSettings.of("127.0.0.1:1"), new LiveHub())) {
            ApiServer server = ApiServer.builder(ApiSettings.loopback(0)).clips(new ClipDao(database.dataSource()))
                    .liveFeed(feed).bindJvmMetrics(false).build().start();
            HttpResponse<Stream<String>> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + LiveRoutes.EVENTS_PATH))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            Iterator<String> lines = sse.body().iterator();
            assertThat(lines.next()).isEqualTo(": connected");
            assertThat(feed.hub().subscriberCount()).isEqualTo(1);

            long started = System.nanoTime();
            server.close();
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            // The client waits quietly (its first heartbeat is 15 s away); closing must not wait for it.
            assertThat(tookMs).as("close took %d ms", tookMs).isLessThan(1_000); // was Jetty's 2 s stop timeout
            assertThat(feed.hub().subscriberCount()).isZero();
            CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
                while (lines.hasNext()) {
                    lines.next();
                }
                return true;
            });
            assertThat(ended.get(5, TimeUnit.SECONDS)).as("the client's stream ended").isTrue();
        }
    }
}
