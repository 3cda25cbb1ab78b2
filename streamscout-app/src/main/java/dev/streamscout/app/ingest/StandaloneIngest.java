package dev.streamscout.app.ingest;

import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.kafka.TopicProvisioner;
import dev.streamscout.app.kafka.TopicSpec;
import dev.streamscout.app.wiring.ShutdownSequence;
import dev.streamscout.app.wiring.StartupException;
import dev.streamscout.app.wiring.StartupStep;
import dev.streamscout.app.wiring.TwitchAccess;
import dev.streamscout.ingest.ChatTransport;
import dev.streamscout.ingest.IngestService;
import dev.streamscout.ingest.IngestSettings;
import dev.streamscout.ingest.observe.IngestHttpServer;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.UserTokenManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion running alone ({@code streamscout ingest}): the stream monitor, the chat pool and the
 * Kafka publishers against an external Kafka and PostgreSQL, with {@code /health} and
 * {@code /metrics}, as seed 000's Stream Monitoring Service. Stops within {@link #SHUTDOWN_DEADLINE}.
 */
public final class StandaloneIngest implements AutoCloseable {

    /** The process promises to stop within 10 s of SIGTERM; keep a margin for the JVM. */
    public static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(8);

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneIngest.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(15);

    private final ShutdownSequence shutdown;
    private final IngestService service;

    private StandaloneIngest(ShutdownSequence shutdown, IngestService service) {
        this.shutdown = shutdown;
        this.service = service;
    }

    /**
     * Checks the settings this mode needs, creates the topics that are missing, opens the database
     * and starts ingestion. If a part fails, the parts already started are stopped again.
     *
     * @throws ConfigException  when KAFKA_BOOTSTRAP_SERVERS or the Twitch credentials are missing
     * @throws StartupException when a part cannot start; the message names it
     */
    public static StandaloneIngest start(StreamScoutConfig config) {
        String bootstrap = config.kafkaBootstrapServers().orElseThrow(() -> new ConfigException(
                "KAFKA_BOOTSTRAP_SERVERS is not set: 'streamscout ingest' runs ingestion alone and publishes to an"
                        + " external Kafka; set KAFKA_BOOTSTRAP_SERVERS (or kafka.bootstrap.servers) to its"
                        + " bootstrap servers, e.g. kafka:9092 (or use 'streamscout run' for everything in one process)"));
        TwitchAccess twitch = TwitchAccess.fromConfig(config);
        ShutdownSequence shutdown = new ShutdownSequence(SHUTDOWN_DEADLINE);
        try {
            return new StandaloneIngest(shutdown, startParts(config, twitch, bootstrap, shutdown));
        } catch (RuntimeException e) {
            shutdown.close();
            throw e;
        }
    }

    private static IngestService startParts(StreamScoutConfig config, TwitchAccess twitch, String bootstrap,
            ShutdownSequence shutdown) {
        StartupStep.run("the Kafka topics", " at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)",
                () -> new TopicProvisioner(bootstrap, TOPIC_TIMEOUT).provision(topics(config)));

        DatabaseSettings databaseSettings = databaseSettings(config);
        Database database = StartupStep.run("the database", " at " + databaseSettings + " (POSTGRES_URL)",
                () -> shutdown.add("database", Database.open(databaseSettings)));

        Supplier<String> chatToken = null;
        if (config.twitchIrcLogin().isPresent()) {
            UserTokenManager tokens = StartupStep.run("the user token for chat", " from " + config.twitchTokenFile()
                    + " (TWITCH_TOKEN_FILE; create it with 'streamscout auth')", () -> {
                        UserTokenManager manager = new UserTokenManager(config.twitchTokenFile(),
                                new OAuthClient(twitch.oauthBase(), twitch.clientId(), twitch.clientSecret(),
                                        HttpClient.newHttpClient()),
                                Clock.systemUTC(), List.of("chat:read"));
                        manager.start();
                        return shutdown.add("user token", manager);
                    });
            chatToken = tokens;
        }

        IngestSettings settings = settings(config, twitch, bootstrap, chatToken);
        return StartupStep.run("ingest", "", () -> {
            IngestService service = shutdown.add("ingest", new IngestService(settings, database));
            service.start();
            return service;
        });
    }

    /**
     * The ingest settings of a configuration: Twitch endpoints and credentials from {@code twitch},
     * the monitor's lists, TTL and Redis, topics, buffer and ports (a configured port of 0 means
     * "not served"). Also what the all-in-one modes can use.
     *
     * @param chatToken the user token for {@code twitch.irc.login}, or null to read chat anonymously
     */
    public static IngestSettings settings(StreamScoutConfig config, TwitchAccess twitch, String bootstrapServers,
            Supplier<String> chatToken) {
        URI webSocket = twitch.ircWebSocket() != null ? twitch.ircWebSocket() : IngestSettings.TWITCH_IRC_WEBSOCKET;
        IngestSettings settings = IngestSettings.twitch(twitch.clientId(), twitch.clientSecret(), bootstrapServers)
                .withTwitchEndpoints(twitch.helixBase(), twitch.oauthBase(), twitch.ircHost(), twitch.ircPort())
                .withIrc(ChatTransport.valueOf(twitch.ircTransport().name()), twitch.ircHost(), twitch.ircPort(),
                        webSocket)
                .withIrcTrust(twitch.ircTrust())
                .withChannelsPerConnection(config.channelsPerConnection())
                .withThresholds(config.joinThreshold(), config.leaveThreshold())
                .withPollInterval(config.pollInterval())
                .withMonitorChannels(config.monitorChannels())
                .withAllowDeny(config.monitorAllow(), config.monitorDeny())
                .withOnlineTtl(config.monitorOnlineTtl())
                .withRedisUrl(config.redisUrl().orElse(null))
                .withTopics(config.chatTopic(), config.lifecycleTopic())
                .withEventsTopic(config.eventsTopic())
                .withProducerBuffer(config.kafkaProducerBuffer())
                .withHttpPorts(servedPort(config.ingestHealthPort()), servedPort(config.ingestMetricsPort()));
        if (chatToken != null && config.twitchIrcLogin().isPresent()) {
            settings = settings.withIrcLogin(config.twitchIrcLogin().get(), chatToken);
        }
        return settings;
    }

    /** The topics ingest writes, created when missing: chat (1 h), lifecycle and events (7 days). */
    public static List<TopicSpec> topics(StreamScoutConfig config) {
        short replication = config.kafkaReplicationFactor();
        return List.of(
                TopicSpec.CHAT_MESSAGES.withName(config.chatTopic()).withPartitions(config.chatTopicPartitions())
                        .withReplicationFactor(replication),
                TopicSpec.STREAM_LIFECYCLE.withName(config.lifecycleTopic())
                        .withPartitions(config.lifecycleTopicPartitions()).withReplicationFactor(replication),
                // Subs, gifts, raids and bits are rare and worth keeping: the lifecycle topic's settings.
                TopicSpec.STREAM_LIFECYCLE.withName(config.eventsTopic())
                        .withPartitions(config.lifecycleTopicPartitions()).withReplicationFactor(replication));
    }

    private static DatabaseSettings databaseSettings(StreamScoutConfig config) {
        Optional<String> url = config.postgresUrl();
        if (url.isPresent()) {
            try {
                return DatabaseSettings.fromPostgresUrl(url.get(), blankToNull(config.postgresUser()),
                        blankToNull(config.postgresPassword()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("POSTGRES_URL: " + e.getMessage());
            }
        }
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        LOG.warn("POSTGRES_URL is not set: ingest writes streamers and viewer_timeseries to the embedded H2 database"
                + " under {}; set POSTGRES_URL to share them with the API and the Flink job", dataDir);
        return DatabaseSettings.h2File(dataDir);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Configuration says 0 for "off"; the ingest service says {@link IngestSettings#DISABLED_PORT}. */
    static int servedPort(int configured) {
        return configured == 0 ? IngestSettings.DISABLED_PORT : configured;
    }



    public IngestService service() {
        return service;
    }

    /** {@code /health}, when served. */
    public Optional<URI> healthUri() {
        return service.httpServer().map(IngestHttpServer::healthUri);
    }

    /** {@code /metrics}, when served. */
    public Optional<URI> metricsUri() {
        return service.httpServer().map(IngestHttpServer::metricsUri);
    }

    /** Completes with a reason when ingestion stops on its own (chat login rejected). */
    public CompletableFuture<String> failure() {
        return service.failure();
    }

    /** Stops ingest, the token manager and the database in reverse order within {@link #SHUTDOWN_DEADLINE}. */
    @Override
    public void close() {
        shutdown.close();
    }
}
