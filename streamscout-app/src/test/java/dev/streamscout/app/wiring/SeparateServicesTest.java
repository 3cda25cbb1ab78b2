package dev.streamscout.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.PropertiesFile;
import dev.streamscout.app.kafka.EmbeddedKafkaBroker;
import dev.streamscout.app.kafka.EmbeddedKafkaSettings;
import dev.streamscout.core.json.Json;
import dev.streamscout.sim.HypeMoment;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The separate-process mode for real: {@code streamscout ingest}, {@code streamscout job} and
 * {@code streamscout api} as three JVMs against one Kafka broker (the app's embedded broker, in this
 * JVM) and PostgreSQL on 127.0.0.1 (a fresh schema), with the Twitch simulator in this JVM. A scripted
 * hype moment must come out of the API as a created clip; then each process gets SIGTERM and must exit
 * within 10 s.
 */
class SeparateServicesTest {

    private static final String CLIENT_ID = "separate-services";
    private static final String CLIENT_SECRET = "separate-services-secret";
    /** After the default profile's warm-up as the demo shortens it (30 s of a channel's chat). */
    private static final Duration HYPE_AFTER = Duration.ofSeconds(45);
    private static final Duration HYPE_LENGTH = Duration.ofSeconds(20);
    private static final double HYPE_MULTIPLIER = 15;
    private static final Duration SIGTERM_LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void ingestJobAndApiAsThreeProcessesTurnAHypeMomentIntoAClipAndEachStopsOnSigterm() throws Exception {
        try (PostgresSchema database = PostgresSchema.create();
                TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withScheduleHypeMoments(false)
                        .withClipDelay(Duration.ofSeconds(1))).start();
                EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(
                        EmbeddedKafkaSettings.onFreePorts(dir.resolve("kafka")))) {
            kafka.start();
            Path tokenFile = dir.resolve("secrets").resolve("twitch_user_tokens.json");
            DemoUserToken.obtain(sim.oauthBase(), CLIENT_ID, CLIENT_SECRET, tokenFile);
            Path config = PropertiesFile.write(dir.resolve("streamscout.properties"),
                    settings(sim, kafka, database, tokenFile));
            int flinkPort = freePort();
            int healthPort = freePort();
            int apiPort = freePort();

            // The job first: it starts at the chat topic's latest offsets, so it must be reading before chat flows.
            try (ChildJvm job = ChildJvm.start(dir.resolve("job.log"), "job", "--config", config.toString(),
                            "--flink-ui-port", Integer.toString(flinkPort), "--data-dir", dir.resolve("job").toString());
                    ChildJvm api = ChildJvm.start(dir.resolve("api.log"), "api", "--config", config.toString(),
                            "--port", Integer.toString(apiPort))) {
                awaitUp(job, URI.create("http://127.0.0.1:" + flinkPort + "/jobs/overview"), "\"state\":\"RUNNING\"");
                try (ChildJvm ingest = ChildJvm.start(dir.resolve("ingest.log"), "ingest", "--config", config.toString(),
                        "--health-port", Integer.toString(healthPort), "--metrics-port", "0")) {
                    awaitUp(ingest, URI.create("http://127.0.0.1:" + healthPort + "/health"), "UP");
                    awaitUp(api, URI.create("http://127.0.0.1:" + apiPort + "/health"), "UP");

                    SimChannel top = sim.channels().get(0);
                    HypeMoment hype = sim.scheduleHype(top.login(), Instant.now().plus(HYPE_AFTER), HYPE_LENGTH,
                            HYPE_MULTIPLIER);
                    JsonNode clip = awaitClip(apiPort, top, job, ingest, api);

                    assertThat(Instant.parse(clip.path("peak_at").asText()))
                            .isBetween(hype.start().minusSeconds(1), hype.end().plusSeconds(10));
                    assertThat(clip.path("status").asText()).isEqualTo("CREATED");
                    assertThat(sim.clips()).anyMatch(c -> c.id().equals(clip.path("clip_id").asText()));
                    assertThat(database.column("SELECT id FROM moments")).isNotEmpty();

                    // Reverse start order, as an operator would: API, ingest, job.
                    assertStopsOnSigterm("api", api);
                    assertStopsOnSigterm("ingest", ingest);
                    assertStopsOnSigterm("job", job);
                }
            }
        }
    }

    private Map<ConfigKey, String> settings(TwitchSimulator sim, EmbeddedKafkaBroker kafka, PostgresSchema database,
            Path tokenFile) {
        Map<ConfigKey, String> settings = WiringFixtures.twitchAt(sim);
        settings.put(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(ConfigKey.POSTGRES_URL, database.url());
        settings.put(ConfigKey.POSTGRES_USER, database.user());
        settings.put(ConfigKey.TWITCH_CLIENT_ID, CLIENT_ID);
        settings.put(ConfigKey.TWITCH_CLIENT_SECRET, CLIENT_SECRET);
        settings.put(ConfigKey.TWITCH_TOKEN_FILE, tokenFile.toString());
        settings.put(ConfigKey.POLL_INTERVAL, "PT2S");
        settings.put(ConfigKey.CHAT_TOPIC_PARTITIONS, "4");
        settings.put(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, "2");
        settings.put(ConfigKey.FLINK_PROMETHEUS_PORT, "0");
        settings.put(ConfigKey.JOB_CHECKPOINT_INTERVAL, "PT2S");
        // As the demo end-to-end test: a 30 s warm-up, and a threshold only a real burst reaches.
        settings.put(ConfigKey.DETECTOR_WARMUP, "PT30S");
        settings.put(ConfigKey.DETECTOR_THRESHOLD, "4");
        settings.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        return settings;
    }

    private void awaitUp(ChildJvm process, URI uri, String expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .failFast("the process exited:\n" + process.log(), () -> !process.isAlive())
                .until(() -> http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains(expected));
    }

    private JsonNode awaitClip(int apiPort, SimChannel channel, ChildJvm... processes) {
        URI clips = URI.create("http://127.0.0.1:" + apiPort + "/v1.0/clip?start=" + Instant.now().minusSeconds(3600)
                + "&end=" + Instant.now().plusSeconds(3600) + "&limit=10");
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90).plus(HYPE_AFTER)).pollInterval(Duration.ofSeconds(1))
                .failFast("a process exited", () -> java.util.Arrays.stream(processes).anyMatch(p -> !p.isAlive()))
                .until(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(clips).build(),
                            HttpResponse.BodyHandlers.ofString());
                    for (JsonNode row : Json.mapper().readTree(response.body()).path("data")) {
                        if (row.path("channel_id").asText().equals(channel.id())
                                && row.path("status").asText().equals("CREATED")) {
                            found.set(row);
                            return true;
                        }
                    }
                    return false;
                });
        return found.get();
    }

    private static void assertStopsOnSigterm(String name, ChildJvm process) throws InterruptedException {
        Duration took = process.terminate(SIGTERM_LIMIT);
        assertThat(took).as("%s exits within %s of SIGTERM; log:%n%s", name, SIGTERM_LIMIT, process.log()).isNotNull();
        System.out.println("SIGTERM to exit: " + name + " " + took.toMillis() + " ms");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
