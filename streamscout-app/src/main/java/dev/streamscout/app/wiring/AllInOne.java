package dev.streamscout.app.wiring;

import dev.streamscout.api.ApiServer;
import dev.streamscout.api.ApiSettings;
import dev.streamscout.api.HealthCheck;
import dev.streamscout.api.live.LiveFeed;
import dev.streamscout.api.live.LiveFeedSettings;
import dev.streamscout.api.live.LiveHub;
import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.ingest.StandaloneIngest;
import dev.streamscout.app.kafka.EmbeddedKafkaBroker;
import dev.streamscout.app.kafka.EmbeddedKafkaSettings;
import dev.streamscout.app.kafka.TopicProvisioner;
import dev.streamscout.app.kafka.TopicSpec;
import dev.streamscout.ingest.IngestService;
import dev.streamscout.ingest.IngestSettings;
import dev.streamscout.job.CheckpointSettings;
import dev.streamscout.job.FlinkClusterSettings;
import dev.streamscout.job.HighlightJobRunner;
import dev.streamscout.job.JobSettings;
import dev.streamscout.job.clip.AccessTokenSource;
import dev.streamscout.job.clip.HelixClipRequester;
import dev.streamscout.job.clip.TokenFileAccessTokens;
import dev.streamscout.job.io.AnalyticsTopics;
import dev.streamscout.job.io.KafkaChatSettings;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.store.ChannelQueries;
import dev.streamscout.store.ChatSummaryDao;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.Database;
import dev.streamscout.store.DatabaseSettings;
import dev.streamscout.store.MomentQueries;
import dev.streamscout.store.RawChatDao;
import dev.streamscout.store.ViewerTimeseriesDao;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenValidation;
import dev.streamscout.twitch.auth.UserTokenException;
import dev.streamscout.twitch.auth.UserTokenManager;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one JVM: simulator, Kafka, database, Flink job, ingest and API, started in
 * dependency order and stopped in reverse within {@link #SHUTDOWN_DEADLINE}.
 */
public final class AllInOne implements AutoCloseable {

    /** What the process promises on SIGTERM is 10 s; keep a margin for the JVM itself. */
    public static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(8);

    private static final Logger LOG = LoggerFactory.getLogger(AllInOne.class);
    private static final String DEMO_CLIENT_ID = "streamscout-demo";
    private static final String DEMO_CLIENT_SECRET = "streamscout-demo-secret";

    /** Where a running all-in-one can be reached. */
    /** Where a running all-in-one can be reached; {@code simulator} and {@code ingestMetrics} may be null. */
    public record Endpoints(URI api, URI flinkUi, URI simulator, URI ingestMetrics, String kafkaBootstrapServers) {}

    private final ShutdownSequence shutdown;
    private final Endpoints endpoints;
    private final TwitchSimulator simulator;
    private final IngestService ingest;
    private final CompletableFuture<String> failure;

    private AllInOne(ShutdownSequence shutdown, Endpoints endpoints, TwitchSimulator simulator, IngestService ingest,
            CompletableFuture<String> failure) {
        this.shutdown = shutdown;
        this.endpoints = endpoints;
        this.simulator = simulator;
        this.ingest = ingest;
        this.failure = failure;
    }

    /**
     * Starts the demo: everything against a simulated Twitch on loopback. If any part fails to
     * start, the parts already started are stopped again and the error names the part.
     */
    public static AllInOne startDemo(StreamScoutConfig config, SimulatorSettings simulatorSettings) {
        ShutdownSequence shutdown = new ShutdownSequence(SHUTDOWN_DEADLINE);
        try {
            TwitchSimulator simulator = StartupStep.run("the Twitch simulator", "",
                    () -> shutdown.add("simulator", new TwitchSimulator(simulatorSettings).start()));
            Path tokenFile = dataDir(config).resolve("secrets").resolve("twitch_user_tokens.json");
            StartupStep.run("the demo user token", "", () -> obtainDemoToken(simulator, tokenFile));
            TwitchAccess twitch = TwitchAccess.simulator(simulator, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, tokenFile);
            return startPipeline(config, twitch, shutdown, simulator);
        } catch (RuntimeException e) {
            shutdown.close();
            throw e;
        }
    }

    /** Starts everything but the simulator, against the Twitch endpoints in the configuration. */
    public static AllInOne startRun(StreamScoutConfig config) {
        TwitchAccess twitch = TwitchAccess.fromConfig(config);
        twitch.userTokens().ifPresent(file -> checkUserToken(twitch, file));
        if (twitch.userTokens().isEmpty()) {
            LOG.warn("no user token file at {} (TWITCH_TOKEN_FILE): moments are stored without clips; run"
                    + " 'streamscout auth' to create it", config.twitchTokenFile());
        }
        ShutdownSequence shutdown = new ShutdownSequence(SHUTDOWN_DEADLINE);
        try {
            return startPipeline(config, twitch, shutdown, null);
        } catch (RuntimeException e) {
            shutdown.close();
            throw e;
        }
    }

    /**
     * A token file that exists but is unusable (malformed, revoked, lacking {@code clips:edit}) stops
     * the start: running on silently without clips would hide the mistake.
     */
    private static void checkUserToken(TwitchAccess twitch, Path file) {
        OAuthClient oauth = new OAuthClient(twitch.oauthBase(), twitch.clientId(), twitch.clientSecret(),
                java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        try (UserTokenManager tokens = new UserTokenManager(file, oauth)) {
            TokenValidation validation = tokens.start();
            LOG.info("user token for {} is valid (scopes {})", validation.login(), validation.scopes());
        } catch (UserTokenException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Object obtainDemoToken(TwitchSimulator simulator, Path tokenFile) {
        try {
            return DemoUserToken.obtain(simulator.oauthBase(), DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, tokenFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path dataDir(StreamScoutConfig config) {
        return config.dataDir().toAbsolutePath().normalize();
    }

    private static AllInOne startPipeline(StreamScoutConfig config, TwitchAccess twitch, ShutdownSequence shutdown,
            TwitchSimulator simulator) {
        Path dataDir = dataDir(config);
        String bootstrap = startKafka(config, dataDir, shutdown);
        StartupStep.run("the Kafka topics", "", () -> new TopicProvisioner(bootstrap).provision(jobTopics(config)));

        DatabaseSettings databaseSettings = config.postgresUrl()
                .map(url -> DatabaseSettings.fromPostgresUrl(url, config.postgresUser(), config.postgresPassword()))
                .orElseGet(() -> DatabaseSettings.h2File(dataDir))
                .withPool(config.databasePool());
        Database database = StartupStep.run("the database", " at " + databaseSettings,
                () -> shutdown.add("database", Database.open(databaseSettings)));
        // Added after the database, so stopped before it.
        shutdown.add("store retention", StoreRetention.start(config, database));

        // Completed only while running: once close() begins, the job ending is expected, not a failure.
        CompletableFuture<String> failure = new CompletableFuture<>();
        JobSettings jobSettings = jobSettings(config).withClippingEnabled(
                config.clipsEnabled() && twitch.userTokens().isPresent());
        HighlightJobRunner job = new HighlightJobRunner(
                jobSettings,
                new KafkaChatSettings(bootstrap, config.chatTopic(), KafkaChatSettings.DEFAULT_GROUP_ID,
                        KafkaChatSettings.StartingOffsets.LATEST),
                databaseSettings,
                new HelixClipRequester(twitch.helixBase(), twitch.clientId(),
                        twitch.userTokens().<AccessTokenSource>map(file -> new TokenFileAccessTokens(file,
                                twitch.oauthBase(), twitch.clientId(), twitch.clientSecret())).orElse(() -> null), jobSettings.clips()),
                new FlinkClusterSettings(config.flinkWebPort(),
                        config.flinkPrometheusPort() == 0 ? FlinkClusterSettings.DISABLED : config.flinkPrometheusPort()),
                new AnalyticsTopics(config.lifecycleTopic(), config.channelStatsTopic(), config.eventsTopic())
                        .withLiveUpdatesTopic(config.liveUpdatesEnabled() ? config.liveUpdatesTopic() : null),
                checkpoints(config, dataDir));
        StartupStep.run("the Flink job", " (Web UI port " + config.flinkWebPort() + "; choose another with --flink-ui-port)", () -> {
            shutdown.add("Flink job", job);
            try {
                job.start().getJobExecutionResult().whenComplete((result, error) -> {
                    if (!shutdown.isClosing()) {
                        failure.complete(error == null ? "the Flink job finished unexpectedly"
                                : "the Flink job failed: " + StartupStep.rootMessage(error));
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return job;
        });

        IngestSettings ingestSettings = StandaloneIngest.settings(config, twitch, bootstrap, null);
        IngestService ingest = StartupStep.run("ingest", " (health port " + config.ingestHealthPort() + ", metrics port "
                + config.ingestMetricsPort() + ")", () -> {
            IngestService service = shutdown.add("ingest", new IngestService(ingestSettings, database));
            service.start();
            service.failure().thenAccept(reason -> {
                if (!shutdown.isClosing()) {
                    failure.complete("ingest stopped: " + reason);
                }
            });
            return service;
        });

        KafkaHealthProbe kafkaHealth = shutdown.add("Kafka health probe", new KafkaHealthProbe(bootstrap));
        // Added before the API, so stopped after it: the API ends its live connections, then the feed stops.
        LiveFeed liveFeed = StartupStep.run("the live feed", " (Kafka " + config.liveUpdatesTopic() + ")",
                () -> shutdown.add("live feed", new LiveFeed(LiveFeedSettings.of(bootstrap)
                        .withTopics(config.liveUpdatesTopic(), config.lifecycleTopic()), new LiveHub()).start()));
        ApiServer api = StartupStep.run("the API", " on port " + config.httpPort() + " (choose another with --port)",
                () -> shutdown.add("API", ApiServer.builder(ApiSettings.allInterfaces(config.httpPort())
                                .withCorsOrigins(config.apiCorsOrigins()))
                        .clips(new ClipDao(database.dataSource()))
                        .channels(new ChannelQueries(database.dataSource()))
                        .moments(new MomentQueries(database.dataSource()))
                        .chatSummaries(new ChatSummaryDao(database.dataSource()))
                        .viewerSamples(new ViewerTimeseriesDao(database.dataSource()))
                        .rawChat(new RawChatDao(database.dataSource()))
                        .liveFeed(liveFeed)
                        .healthChecks(List.of(HealthCheck.of("database", database::isHealthy),
                                HealthCheck.of("kafka", kafkaHealth)))
                        .build()
                        .start()));

        Endpoints endpoints = new Endpoints(URI.create("http://localhost:" + api.port()),
                URI.create("http://localhost:" + config.flinkWebPort()),
                simulator == null ? null : simulator.simBase(),
                ingest.httpServer().map(server -> server.metricsUri())
                        .orElse(null),
                bootstrap);
        LOG.info("all-in-one started: {}", endpoints);
        return new AllInOne(shutdown, endpoints, simulator, ingest, failure);
    }

    private static String startKafka(StreamScoutConfig config, Path dataDir, ShutdownSequence shutdown) {
        Optional<String> external = config.kafkaBootstrapServers();
        if (external.isPresent()) {
            return external.get();
        }
        EmbeddedKafkaBroker broker = StartupStep.run("the embedded Kafka broker",
                " on port " + config.embeddedKafkaPort() + " (choose another with --kafka-port, 0 for any)", () -> {
                    EmbeddedKafkaBroker started = shutdown.add("Kafka broker", new EmbeddedKafkaBroker(
                            new EmbeddedKafkaSettings(dataDir.resolve("kafka"), config.embeddedKafkaPort(), 0)));
                    started.start();
                    return started;
                });
        return broker.bootstrapServers();
    }

    /**
     * Checkpoints of the in-process job: every {@code job.checkpoint.interval} into {@code job.checkpoint.dir}
     * or {@code <data-dir>/checkpoints}. Nothing resumes from them after the process ends (the next start is a
     * new job reading from the latest offsets), so they are deleted when the job is cancelled.
     */
    static CheckpointSettings checkpoints(StreamScoutConfig config, Path dataDir) {
        return CheckpointSettings.defaults()
                .withInterval(config.jobCheckpointInterval())
                .withDirectory(config.jobCheckpointDir().orElse(dataDir.resolve("checkpoints").toString()))
                .withRetainOnCancel(false);
    }

    /** What ingest writes, plus what the job writes: the 10-minute channel statistics and the live updates. */
    private static List<TopicSpec> jobTopics(StreamScoutConfig config) {
        List<TopicSpec> topics = new java.util.ArrayList<>(StandaloneIngest.topics(config));
        topics.add(TopicSpec.LIVE_UPDATES.withName(config.liveUpdatesTopic())
                .withReplicationFactor(config.kafkaReplicationFactor()));
        topics.add(TopicSpec.STREAM_LIFECYCLE.withName(config.channelStatsTopic())
                .withPartitions(config.lifecycleTopicPartitions())
                .withReplicationFactor(config.kafkaReplicationFactor()));
        return topics;
    }

    /** The job's settings from the configuration, for the all-in-one and the separate job ({@link JobDefinition}) alike. */
    static JobSettings jobSettings(StreamScoutConfig config) {
        return JobSettings.defaults()
                .withProfile(config.detectorProfile())
                .withThreshold(config.detectorThreshold())
                .withWarmup(config.detectorWarmup())
                .withK(config.detectorK())
                .withWindowSeconds(config.detectorWindowSeconds())
                .withCooldown(config.detectorCooldown())
                .withOutOfOrderness(config.jobOutOfOrderness())
                .withClippingEnabled(config.clipsEnabled())
                .withParallelism(config.flinkParallelism())
                .withRawChatArchive(config.rawChatEnabled());
    }



    public Endpoints endpoints() {
        return endpoints;
    }

    public TwitchSimulator simulator() {
        return simulator;
    }

    public IngestService ingest() {
        return ingest;
    }

    /** Completes with a reason when a long-running part stops on its own: the process should end. */
    public CompletableFuture<String> failure() {
        return failure;
    }

    @Override
    public void close() {
        shutdown.close();
    }
}
