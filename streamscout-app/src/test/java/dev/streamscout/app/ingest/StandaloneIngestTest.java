package dev.streamscout.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.kafka.EmbeddedKafkaBroker;
import dev.streamscout.app.kafka.EmbeddedKafkaSettings;
import dev.streamscout.app.wiring.WiringFixtures;
import dev.streamscout.core.json.Json;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamscout ingest}'s process body against the Twitch simulator, an embedded Kafka broker
 * standing in for the external one, and the H2 fallback database.
 */
class StandaloneIngestTest {

    @TempDir
    static Path dataDir;

    private static TwitchSimulator simulator;
    private static EmbeddedKafkaBroker kafka;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startSimulatorAndKafka() {
        simulator = new TwitchSimulator(SimulatorSettings.defaults().withSeed(5).withChannels(12)
                .withScheduleHypeMoments(false).withTotalChatRatePerSecond(200)).start();
        kafka = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.onFreePorts(dataDir.resolve("kafka")));
        kafka.start();
    }

    @AfterAll
    static void stopSimulatorAndKafka() {
        if (kafka != null) {
            kafka.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The environment of an ingest deployment pointed at the simulator. */
    static Map<String, String> environment(String kafkaBootstrap, int healthPort, int metricsPort) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("TWITCH_CLIENT_ID", "ingest-test");
        env.put("TWITCH_CLIENT_SECRET", "ingest-test-secret");
        env.put("HEALTH_CHECK_PORT", Integer.toString(healthPort));
        env.put("PROMETHEUS_PORT", Integer.toString(metricsPort));
        return env;
    }

    static Map<ConfigKey, String> simulatorEndpoints(TwitchSimulator sim, Path dir) {
        Map<ConfigKey, String> overrides = WiringFixtures.twitchAt(sim);
        overrides.put(ConfigKey.DATA_DIR, dir.toString());
        overrides.put(ConfigKey.POLL_INTERVAL, "PT1S");
        overrides.put(ConfigKey.CHAT_TOPIC_PARTITIONS, "2");
        overrides.put(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, "2");
        return overrides;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ingestAloneServesHealthAndTheSeedMetricsAndPublishesChat() throws Exception {
        int healthPort = freePort();
        int metricsPort = freePort();
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null,
                environment(kafka.bootstrapServers(), healthPort, metricsPort),
                simulatorEndpoints(simulator, dataDir.resolve("run1"))));

        StandaloneIngest ingest = StandaloneIngest.start(config);
        try {
            assertThat(ingest.healthUri()).contains(URI.create("http://localhost:" + healthPort + "/health"));
            assertThat(ingest.metricsUri()).contains(URI.create("http://localhost:" + metricsPort + "/metrics"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                        .contains("chat-messages", "stream-lifecycle", "chat-events");
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> health = get(ingest.healthUri().orElseThrow());
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                JsonNode deps = Json.mapper().readTree(health.body()).get("dependencies");
                assertThat(deps.get("twitch_chat").get("status").asText()).isEqualTo("UP");
                assertThat(deps.get("helix").get("status").asText()).isEqualTo("UP");
                assertThat(deps.get("kafka").get("status").asText()).isEqualTo("UP");
                assertThat(deps.get("database").get("status").asText()).isEqualTo("UP");
                assertThat(deps.get("redis").get("status").asText()).isEqualTo("DISABLED");
                assertThat(ingest.service().chatMessagesPublished()).isGreaterThan(50);
            });

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = get(ingest.metricsUri().orElseThrow()).body();
                assertThat(metrics).contains("active_stream_count 5.0", "twitch_api_errors_total 0.0");
                assertThat(metrics.lines().filter(l -> l.startsWith("chat_message_rate ")).findFirst().orElseThrow())
                        .doesNotEndWith(" 0.0");
                assertThat(metrics).contains("twitch_chat_connections", "twitch_chat_joins_total",
                        "twitch_chat_reconnects_total", "twitch_chat_parse_errors_total", "kafka_send_errors_total",
                        "kafka_send_latency_seconds_count");
            });
        } finally {
            long begin = System.nanoTime();
            ingest.close();
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> get(URI.create("http://localhost:" + healthPort + "/health")))
                .as("nothing is served after close").isInstanceOf(IOException.class);
    }

    @Test
    void withoutKafkaBootstrapServersTheErrorNamesTheVariable() {
        Map<String, String> env = environment("", 0, 0);
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null, env,
                simulatorEndpoints(simulator, dataDir.resolve("nokafka"))));

        assertThatThrownBy(() -> StandaloneIngest.start(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void withoutTwitchCredentialsTheErrorNamesThemAndPointsToAuth() {
        Map<String, String> env = environment(kafka.bootstrapServers(), 0, 0);
        env.remove("TWITCH_CLIENT_ID");
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(null, env,
                simulatorEndpoints(simulator, dataDir.resolve("nocreds"))));

        assertThatThrownBy(() -> StandaloneIngest.start(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TWITCH_CLIENT_ID").hasMessageContaining("streamscout auth");
    }

    @Test
    void configuredPortZeroMeansNotServed() {
        assertThat(StandaloneIngest.servedPort(0)).isEqualTo(-1);
        assertThat(StandaloneIngest.servedPort(8080)).isEqualTo(8080);
    }
}
