package dev.streamscout.ingest;

import dev.streamscout.ingest.observe.DependencyHealth;
import dev.streamscout.ingest.observe.HealthReport;
import dev.streamscout.ingest.observe.IngestHttpServer;
import dev.streamscout.ingest.online.InMemoryOnlineState;
import dev.streamscout.ingest.online.OnlineState;
import dev.streamscout.ingest.online.RedisOnlineState;
import dev.streamscout.store.Database;
import dev.streamscout.store.StreamerDao;
import dev.streamscout.store.ViewerTimeseriesDao;
import dev.streamscout.twitch.auth.AppTokenProvider;
import dev.streamscout.twitch.helix.HelixClient;
import dev.streamscout.twitch.helix.HelixRetryPolicy;
import dev.streamscout.twitch.irc.IrcConnectionPool;
import dev.streamscout.twitch.irc.IrcEndpoint;
import dev.streamscout.twitch.irc.IrcPoolSettings;
import dev.streamscout.twitch.irc.IrcPoolStats;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side of StreamScout: watches the streams, sits in their chats, and publishes chat
 * messages, chat events and stream lifecycle events to Kafka.
 *
 * <pre>
 *   Helix Get Streams ──► StreamMonitor ──► join/part ──► IrcConnectionPool ──┬─► chat-messages
 *        │                    │                                               └─► chat-events
 *        │                    ├──► stream-lifecycle          (all through one KafkaOutbox)
 *        │                    ├──► streamers, viewer_timeseries
 *        │                    └──► OnlineState (memory or Redis; expiry = OFFLINE)
 *   /health (8080), /metrics (9100)
 * </pre>
 *
 * <p>Chat is read anonymously unless a login and user token are configured; the app access token
 * ({@code client_credentials}) is used for Helix. {@link #close()} returns within about eight
 * seconds: polling stops, the chat connections close, and the Kafka buffer is flushed for up to
 * {@link #KAFKA_CLOSE_TIMEOUT}.
 */
public final class IngestService implements AutoCloseable {

    /** How long shutdown waits for Kafka to acknowledge what is buffered. */
    public static final Duration KAFKA_CLOSE_TIMEOUT = Duration.ofSeconds(4);

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    /** Consecutive failed polls before Helix counts as down (one failure may be a blip). */
    private static final int HELIX_FAILURES_FOR_DOWN = 2;

    private final IngestSettings settings;
    private final StreamerDao streamers;
    private final ViewerTimeseriesDao viewers;
    private final BooleanSupplier databaseHealthy;
    private final PrometheusMeterRegistry registry = IngestMetrics.newRegistry();
    private final CompletableFuture<String> failure = new CompletableFuture<>();

    // Written under the lock in start(), read without it by the metric and health getters.
    private volatile KafkaOutbox outbox;
    private volatile ChatPublisher chat;
    private volatile ChatEventPublisher events;
    private volatile LifecyclePublisher lifecycle;
    private volatile KafkaClusterProbe kafkaProbe;
    private volatile IrcConnectionPool pool;
    private volatile StreamMonitor monitor;
    private volatile IngestMetrics metrics;
    private volatile IngestHttpServer http;
    private boolean started;
    private boolean closed;

    /**
     * @param settings what to connect to
     * @param database the migrated database ({@code streamers}, {@code viewer_timeseries}, health),
     *                 or null to keep no record
     */
    public IngestService(IngestSettings settings, Database database) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.streamers = database == null ? null : new StreamerDao(database.dataSource());
        this.viewers = database == null ? null : new ViewerTimeseriesDao(database.dataSource());
        this.databaseHealthy = database == null ? null : database::isHealthy;
    }

    /**
     * The first release's form: only the {@code streamers} table, no viewer history, and the
     * database is not part of {@link #health()}. Prefer {@link #IngestService(IngestSettings, Database)}.
     */
    public IngestService(IngestSettings settings, StreamerDao streamers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.streamers = streamers;
        this.viewers = null;
        this.databaseHealthy = null;
    }

    /**
     * Connects to Kafka, Redis (if configured) and chat, starts polling (the first poll runs at
     * once) and serves {@code /health} and {@code /metrics} on the configured ports. Kafka being
     * down is not fatal: messages wait in the buffer and {@code /health} says so.
     *
     * @throws IllegalStateException when already started or closed
     * @throws RuntimeException      when a part cannot start (Redis unreachable, a port taken);
     *                               whatever started is closed again
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("ingest service can be started only once");
        }
        started = true;
        LOG.info("Starting ingest: {}", settings);
        try {
            outbox = KafkaOutbox.create(settings.kafkaBootstrapServers(), "streamscout-ingest",
                    settings.kafkaProducerBuffer());
            chat = new ChatPublisher(outbox, settings.chatTopic());
            events = new ChatEventPublisher(outbox, settings.eventsTopic());
            lifecycle = new LifecyclePublisher(outbox, settings.lifecycleTopic());
            kafkaProbe = new KafkaClusterProbe(settings.kafkaBootstrapServers());
            chat.warmUp();

            HttpClient httpClient = HttpClient.newBuilder().connectTimeout(HelixClient.DEFAULT_REQUEST_TIMEOUT).build();
            AppTokenProvider appToken = new AppTokenProvider(
                    settings.oauthBase(), settings.clientId(), settings.clientSecret(), httpClient);
            HelixClient helix = new HelixClient(settings.helixBase(), settings.clientId(), appToken, httpClient,
                    HelixClient.DEFAULT_REQUEST_TIMEOUT, HelixRetryPolicy.standard());

            pool = new IrcConnectionPool(poolSettings(settings), chat::publish, events::publish,
                    why -> failure.complete("Twitch chat rejected the login: " + why));

            monitor = StreamMonitor.builder(new HelixLiveStreams(helix), new PooledChatRooms(pool), lifecycle::publish)
                    .policy(ChannelPolicy.of(settings))
                    .onlineState(onlineState(settings))
                    .onlineTtl(settings.onlineTtl())
                    .streamers(streamers)
                    .viewers(viewers)
                    .pollInterval(settings.pollInterval())
                    .archiveVideos(new HelixArchiveVideos(helix))
                    .build();
            metrics = new IngestMetrics(registry, this);
            if (settings.healthPort() != IngestSettings.DISABLED_PORT
                    || settings.metricsPort() != IngestSettings.DISABLED_PORT) {
                http = IngestHttpServer.start(settings.healthPort(), settings.metricsPort(), this::health,
                        registry::scrape);
            }
            pool.start();
            monitor.start();
        } catch (RuntimeException e) {
            LOG.error("Ingest failed to start: {}", e.toString());
            shutdown();
            throw e;
        }
    }

    /** The chat pool's settings: endpoint by transport, anonymous or with the user token. */
    static IrcPoolSettings poolSettings(IngestSettings s) {
        IrcEndpoint endpoint = switch (s.ircTransport()) {
            case TLS -> IrcEndpoint.tls(s.ircHost(), s.ircPort());
            case TCP -> IrcEndpoint.tcp(s.ircHost(), s.ircPort());
            case WEBSOCKET -> IrcEndpoint.webSocket(s.ircWebsocketUrl());
        };
        IrcPoolSettings pool = IrcPoolSettings.anonymous(endpoint).withChannelsPerConnection(s.channelsPerConnection());
        if (s.ircSslContext() != null) {
            pool = pool.withSslContext(s.ircSslContext());
        }
        return s.ircLogin() == null ? pool : pool.withLogin(s.ircLogin(), s.ircToken());
    }

    private static OnlineState onlineState(IngestSettings s) {
        if (s.redisUrl() == null) {
            return new InMemoryOnlineState();
        }
        return new RedisOnlineState(URI.create(s.redisUrl()), RedisOnlineState.DEFAULT_PREFIX);
    }

    // ---- health ---------------------------------------------------------------------------------

    /** Per-dependency status: twitch_chat, helix, kafka, database, redis. Never throws. */
    public HealthReport health() {
        List<DependencyHealth> checks = new ArrayList<>();
        checks.add(chatHealth());
        checks.add(helixHealth());
        checks.add(kafkaHealth());
        checks.add(databaseHealth());
        checks.add(redisHealth());
        return new HealthReport(checks);
    }

    private DependencyHealth chatHealth() {
        IrcConnectionPool p = pool;
        if (p == null) {
            return DependencyHealth.down("twitch_chat", "not started");
        }
        Optional<String> loginFailure = p.loginFailure();
        if (loginFailure.isPresent()) {
            return DependencyHealth.down("twitch_chat", loginFailure.get());
        }
        List<IrcConnectionPool.ConnectionState> states = p.connectionStates();
        long connected = states.stream().filter(s -> s == IrcConnectionPool.ConnectionState.CONNECTED).count();
        String detail = connected + "/" + states.size() + " connections connected, " + p.joinedChannels().size()
                + " channels joined (" + p.confirmedChannels().size() + " confirmed)"
                + (p.suspendedChannels().isEmpty() ? "" : ", suspended " + p.suspendedChannels())
                + (p.channelLimitReached() ? ", account channel limit reached" : "");
        if (p.state() != IrcConnectionPool.State.RUNNING) {
            return DependencyHealth.down("twitch_chat", "pool " + p.state() + ": " + detail);
        }
        return connected > 0 ? DependencyHealth.up("twitch_chat", detail) : DependencyHealth.down("twitch_chat", detail);
    }

    private DependencyHealth helixHealth() {
        StreamMonitor m = monitor;
        if (m == null) {
            return DependencyHealth.down("helix", "not started");
        }
        Instant last = m.lastSuccessfulPoll();
        String detail = m.polls() + " polls, " + m.twitchApiErrors() + " errors, last success "
                + (last == null ? "never" : last.toString()) + ", every " + m.pollInterval();
        if (m.consecutiveFailures() >= HELIX_FAILURES_FOR_DOWN || (last == null && m.consecutiveFailures() > 0)) {
            return DependencyHealth.down("helix", m.consecutiveFailures() + " polls failed in a row (" + m.lastError()
                    + "); " + detail);
        }
        return DependencyHealth.up("helix", detail);
    }

    private DependencyHealth kafkaHealth() {
        KafkaOutbox o = outbox;
        KafkaClusterProbe probe = kafkaProbe;
        if (o == null || probe == null) {
            return DependencyHealth.down("kafka", "not started");
        }
        String detail = o.buffered() + "/" + o.capacity() + " messages buffered, " + o.delivered() + " delivered, "
                + o.dropped() + " dropped, " + o.sendErrors() + " send errors";
        if (o.stalled()) {
            return DependencyHealth.down("kafka", "not acknowledging for over " + KafkaOutbox.STALL_AFTER.toSeconds()
                    + " s, messages are waiting in the buffer (" + o.lastError() + "); " + detail);
        }
        if (!probe.reachable()) {
            return DependencyHealth.down("kafka", settings.kafkaBootstrapServers() + " unreachable ("
                    + probe.lastError() + "); " + detail);
        }
        return DependencyHealth.up("kafka", detail);
    }

    private DependencyHealth databaseHealth() {
        if (databaseHealthy == null) {
            return DependencyHealth.disabled("database", "no database given to ingest");
        }
        return databaseHealthy.getAsBoolean() ? DependencyHealth.up("database", "answers SELECT 1")
                : DependencyHealth.down("database", "does not answer SELECT 1 within 2 s");
    }

    private DependencyHealth redisHealth() {
        StreamMonitor m = monitor;
        if (settings.redisUrl() == null) {
            return DependencyHealth.disabled("redis", "REDIS_URL not set; online state kept in memory");
        }
        if (m == null) {
            return DependencyHealth.down("redis", "not started");
        }
        OnlineState online = m.onlineState();
        return online.isHealthy() ? DependencyHealth.up("redis", online.describe())
                : DependencyHealth.down("redis", online.describe());
    }

    // ---- observation ----------------------------------------------------------------------------

    /** The registry behind {@code /metrics}; the all-in-one app may scrape or extend it. */
    public PrometheusMeterRegistry metricsRegistry() {
        return registry;
    }

    /** The Prometheus text of {@link #metricsRegistry()}. */
    public String scrapeMetrics() {
        return registry.scrape();
    }

    /** The health/metrics listener, when ports were configured and the service started. */
    public Optional<IngestHttpServer> httpServer() {
        return Optional.ofNullable(http);
    }

    /**
     * Completes with a reason when a part stops for good on its own (Twitch rejected the chat
     * login): the process should end non-zero.
     */
    public CompletableFuture<String> failure() {
        return failure;
    }

    /** Chat messages Kafka acknowledged. */
    public long chatMessagesPublished() {
        ChatPublisher c = chat;
        return c == null ? 0 : c.published();
    }

    /** Chat messages that could not be published (failed for good or dropped). */
    public long chatMessagesFailed() {
        ChatPublisher c = chat;
        return c == null ? 0 : c.failed();
    }

    /** Chat events (subs, gifts, raids, bits) Kafka acknowledged. */
    public long chatEventsPublished() {
        ChatEventPublisher e = events;
        return e == null ? 0 : e.published();
    }

    /** Lifecycle events Kafka acknowledged. */
    public long lifecycleEventsPublished() {
        LifecyclePublisher l = lifecycle;
        return l == null ? 0 : l.published();
    }

    /** Failed Get Streams calls ({@code twitch_api_errors_total}). */
    public long twitchApiErrors() {
        StreamMonitor m = monitor;
        return m == null ? 0 : m.twitchApiErrors();
    }

    /** Logins of the chats joined now ({@code active_stream_count} is its size). */
    public Set<String> joinedChannels() {
        IrcConnectionPool p = pool;
        return p == null ? Set.of() : p.joinedChannels();
    }

    /** The chat pool's counters (zeros before {@link #start()}). */
    public IrcPoolStats chatStats() {
        IrcConnectionPool p = pool;
        return p == null ? new IrcPoolStats(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of(), 0, Map.of(), 0)
                : p.stats();
    }

    /** The chat connection pool; null before {@link #start()}. */
    public IrcConnectionPool chatPool() {
        return pool;
    }

    /** The Kafka buffer; null before {@link #start()}. */
    public KafkaOutbox outbox() {
        return outbox;
    }

    /** The monitor, for metrics and for forcing a poll; null before {@link #start()}. */
    public StreamMonitor monitor() {
        return monitor;
    }

    public IngestSettings settings() {
        return settings;
    }

    /** Stops polling, leaves chat and flushes the Kafka buffer; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long begin = System.nanoTime();
        shutdown();
        LOG.info("Ingest stopped in {} ms ({} chat messages published, {} failed)",
                Duration.ofNanos(System.nanoTime() - begin).toMillis(), chatMessagesPublished(), chatMessagesFailed());
    }

    /** Closes in dependency order: nothing new is produced once the buffer closes. */
    private void shutdown() {
        if (monitor != null) {
            monitor.close();
        }
        if (pool != null) {
            try {
                pool.close();
            } catch (RuntimeException e) {
                LOG.warn("Chat connections did not close cleanly: {}", e.toString());
            }
        }
        if (outbox != null) {
            outbox.close(KAFKA_CLOSE_TIMEOUT);
        }
        if (http != null) {
            http.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (kafkaProbe != null) {
            kafkaProbe.close();
        }
    }
}
