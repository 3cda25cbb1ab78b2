package dev.streamscout.app.wiring;

import dev.streamscout.api.ApiServer;
import dev.streamscout.api.ApiSettings;
import dev.streamscout.api.HealthCheck;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.api.live.LiveFeed;
import dev.streamscout.api.live.LiveFeedSettings;
import dev.streamscout.api.live.LiveHub;
import dev.streamscout.store.ChannelQueries;
import dev.streamscout.store.ChatSummaryDao;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.MomentQueries;
import dev.streamscout.store.RawChatDao;
import dev.streamscout.store.RetentionSchedule;
import dev.streamscout.store.ViewerTimeseriesDao;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API on its own ({@code streamscout api}): reads what the job stored in PostgreSQL and serves it,
 * with {@code /health} covering the database and, when {@code KAFKA_BOOTSTRAP_SERVERS} is set, Kafka,
 * whose {@code live-updates} and {@code stream-lifecycle} topics then feed the live page.
 * Any number of these can run side by side behind a load balancer; they share nothing but the database.
 * Each also runs the hourly store retention ({@link StoreRetention}); run side by side, they repeat each
 * other's deletes harmlessly.
 */
public final class StandaloneApi implements AutoCloseable {

    /** The process promises to stop within 10 s of SIGTERM; keep a margin for the JVM. */
    public static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(8);

    private final ShutdownSequence shutdown;
    private final ApiServer server;

    private StandaloneApi(ShutdownSequence shutdown, ApiServer server) {
        this.shutdown = shutdown;
        this.server = server;
    }

    /**
     * Opens the database (migrating it if the job has not yet) and starts serving on {@code http.port}.
     *
     * @throws ConfigException  when POSTGRES_URL is missing or malformed
     * @throws StartupException when the database or the port cannot be used; the message names it
     */
    public static StandaloneApi start(StreamScoutConfig config) {
        return start(config, RetentionSchedule.FIRST_RUN_DELAY);
    }

    /** As above, with the first retention run after {@code retentionFirstRun} (tests). */
    static StandaloneApi start(StreamScoutConfig config, Duration retentionFirstRun) {
        DatabaseSettings databaseSettings = RequiredPostgres.of(config,
                "'streamscout api' serves what the Flink job stored in PostgreSQL");
        ShutdownSequence shutdown = new ShutdownSequence(SHUTDOWN_DEADLINE);
        try {
            Database database = StartupStep.run("the database", " at " + databaseSettings + " (POSTGRES_URL)",
                    () -> shutdown.add("database", Database.open(databaseSettings)));
            // The API always runs beside the database, also when the job runs on a Flink cluster, where no
            // StreamScout process of the job stays behind: it trims what outlived its retention.
            shutdown.add("store retention", StoreRetention.start(config, database, retentionFirstRun));
            List<HealthCheck> checks = new ArrayList<>(List.of(HealthCheck.of("database", database::isHealthy)));
            Optional<String> kafka = config.kafkaBootstrapServers();
            if (kafka.isPresent()) {
                KafkaHealthProbe probe = shutdown.add("Kafka health probe", new KafkaHealthProbe(kafka.get()));
                checks.add(HealthCheck.of("kafka", probe));
            }
            // The live feed needs Kafka (live-updates and stream-lifecycle); without it /live answers 503.
            // Added before the API, so stopped after it: the API ends its live connections, then the feed stops.
            LiveFeed liveFeed = kafka.isEmpty() ? null : StartupStep.run("the live feed",
                    " (Kafka " + config.liveUpdatesTopic() + ")",
                    () -> shutdown.add("live feed", new LiveFeed(LiveFeedSettings.of(kafka.get())
                            .withTopics(config.liveUpdatesTopic(), config.lifecycleTopic()), new LiveHub()).start()));
            ApiServer.Builder api = ApiServer.builder(
                            ApiSettings.allInterfaces(config.httpPort()).withCorsOrigins(config.apiCorsOrigins()))
                    .clips(new ClipDao(database.dataSource()))
                    .channels(new ChannelQueries(database.dataSource()))
                    .moments(new MomentQueries(database.dataSource()))
                    .chatSummaries(new ChatSummaryDao(database.dataSource()))
                    .viewerSamples(new ViewerTimeseriesDao(database.dataSource()))
                    .rawChat(new RawChatDao(database.dataSource()))
                    .healthChecks(checks);
            if (liveFeed != null) {
                api.liveFeed(liveFeed);
            }
            ApiServer server = StartupStep.run("the API", " on port " + config.httpPort() + " (HTTP_PORT, --port)",
                    () -> shutdown.add("API", api.build().start()));
            return new StandaloneApi(shutdown, server);
        } catch (RuntimeException e) {
            shutdown.close();
            throw e;
        }
    }

    /** {@code http://localhost:<port>}. */
    public URI baseUri() {
        return URI.create("http://localhost:" + server.port());
    }

    /** Stops the server, then the Kafka probe and the database, within {@link #SHUTDOWN_DEADLINE}. */
    @Override
    public void close() {
        shutdown.close();
    }
}
