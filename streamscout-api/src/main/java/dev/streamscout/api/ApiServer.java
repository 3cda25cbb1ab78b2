package dev.streamscout.api;

import dev.streamscout.api.channels.ChannelRoutes;
import dev.streamscout.api.clips.ClipRoutes;
import dev.streamscout.api.docs.ApiDocsRoutes;
import dev.streamscout.api.health.HealthRoutes;
import dev.streamscout.api.live.ChannelLookup;
import dev.streamscout.api.live.LiveFeed;
import dev.streamscout.api.live.LiveRoutes;
import dev.streamscout.api.observe.AccessLog;
import dev.streamscout.api.observe.HttpMetrics;
import dev.streamscout.api.observe.JvmMetrics;
import dev.streamscout.api.observe.MetricsRoutes;
import dev.streamscout.api.problem.ProblemErrorHandler;
import dev.streamscout.api.problem.ProblemMapping;
import dev.streamscout.api.streams.StreamRoutes;
import dev.streamscout.api.dashboard.DashboardBootRoutes;
import dev.streamscout.store.ChannelQueries;
import dev.streamscout.store.ChatSummaryDao;
import dev.streamscout.store.ClipDao;
import dev.streamscout.store.MomentQueries;
import dev.streamscout.store.RawChatDao;
import dev.streamscout.store.ViewerTimeseriesDao;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.staticfiles.Location;
import io.javalin.plugin.bundled.CorsPlugin;
import io.javalin.plugin.bundled.CorsPluginConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and dashboard: a constructible object with its DAOs and health checks injected.
 *
 * <ul>
 *   <li>{@code GET /v1.0/clip?start&end&limit} — clips by peak time ({@link ClipRoutes})</li>
 *   <li>{@code GET /streams}, {@code /streams/{id}/metrics}, {@code /streams/{id}/moments} — stream
 *       analytics ({@link StreamRoutes})</li>
 *   <li>{@code GET /api/channels/{id}/stats} — chat messages in the current 10-minute window, and
 *       {@code GET /api/channels/{id}/messages} — archived raw chat ({@link ChannelRoutes})</li>
 *   <li>{@code GET /boot.js} — the dashboard's first screen as data ({@link DashboardBootRoutes})</li>
 *   <li>{@code GET /v1.0/events[?channel=]} (SSE) and WebSocket {@code /live/{stream_id}} — the live push
 *       from an injected {@link LiveFeed} ({@link LiveRoutes}); 503 without one</li>
 *   <li>{@code GET /health} — 200 UP / 503 DOWN ({@link HealthRoutes})</li>
 *   <li>{@code GET /metrics} — Prometheus text ({@link MetricsRoutes})</li>
 *   <li>{@code GET /openapi.yaml}, {@code GET /docs} — the contract and Swagger UI ({@link ApiDocsRoutes})</li>
 *   <li>{@code GET /} and {@code /static/*} — the dashboard, from {@code classpath:/public};
 *       {@code /webjars/*} — front-end libraries from their webjars</li>
 * </ul>
 *
 * <p>Errors are RFC 9457 problem bodies, all produced by {@link ProblemMapping}. Every request is
 * timed into the meter registry ({@link HttpMetrics}) and logged at DEBUG ({@link AccessLog});
 * responses over {@value #COMPRESS_MIN_BYTES} bytes are gzipped for clients that accept it; CORS
 * headers are sent only for the origins in {@link ApiSettings#corsOrigins()}.
 *
 * <p>Construct with {@link #builder(ApiSettings)} to inject a shared meter registry.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** How long in-flight requests get to finish on {@link #close()}. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    // The dashboard only talks to its own origin and nothing is inline; the one third party is the
    // Twitch clip player, framed for inline playback.
    private static final Map<String, String> STATIC_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                    + " connect-src 'self'; img-src 'self' data:; frame-src https://clips.twitch.tv; base-uri 'none';"
                    + " frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-cache");

    /** Responses at least this big are gzip-compressed when the client accepts it. */
    static final int COMPRESS_MIN_BYTES = 1024;

    private final ApiSettings settings;
    private final PrometheusMeterRegistry registry;
    private final JvmMetrics jvmMetrics;
    private final Javalin app;
    private final LiveRoutes liveRoutes;
    private boolean started;
    private boolean closed;

    public ApiServer(ApiSettings settings, ClipDao clips, List<HealthCheck> checks) {
        this(settings, clips, checks, Clock.systemUTC());
    }

    /** As above, with the clock that supplies "now" for default time ranges. */
    public ApiServer(ApiSettings settings, ClipDao clips, List<HealthCheck> checks, Clock clock) {
        this(builder(settings).clips(clips).healthChecks(checks).clock(clock));
    }

    private ApiServer(Builder b) {
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.registry = b.registry != null ? b.registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ClipRoutes clipRoutes = new ClipRoutes(Objects.requireNonNull(b.clips, "clips"), b.clock);
        StreamRoutes streamRoutes = new StreamRoutes(b.streamReads(), b.clock);
        DashboardBootRoutes bootRoutes = new DashboardBootRoutes(b.streamReads(), b.clock);
        ChannelRoutes channelRoutes = new ChannelRoutes(b.channels, b.rawChat, b.clock);
        ChannelLookup channelLookup = b.channels != null ? b.channels::resolve : ChannelLookup.NONE;
        this.liveRoutes = new LiveRoutes(b.liveFeed == null ? null : b.liveFeed.hub(), channelLookup, b.liveHeartbeat);
        liveRoutes.bindMetrics(registry);
        HealthRoutes healthRoutes = new HealthRoutes(b.checks);
        MetricsRoutes metricsRoutes = new MetricsRoutes(registry);
        ApiDocsRoutes docsRoutes = new ApiDocsRoutes();
        HttpMetrics httpMetrics = new HttpMetrics(registry);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(new ProblemErrorHandler());
            });
            cfg.http.compressionStrategy = gzip();
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = STATIC_HEADERS;
            });
            cfg.staticFiles.enableWebjars();
            if (settings.corsEnabled()) {
                cfg.registerPlugin(new CorsPlugin(cors -> cors.addRule(rule -> allowOrigins(rule,
                        settings.corsOrigins()))));
            }
            cfg.requestLogger.http(httpMetrics::record);
            cfg.requestLogger.http(AccessLog::log);
            clipRoutes.register(cfg.routes);
            streamRoutes.register(cfg.routes);
            bootRoutes.register(cfg.routes);
            channelRoutes.register(cfg.routes);
            liveRoutes.register(cfg.routes);
            healthRoutes.register(cfg.routes);
            metricsRoutes.register(cfg.routes);
            docsRoutes.register(cfg.routes);
            ProblemMapping.register(cfg.routes);
        });
        // Bound last: nothing above can fail after the GC listener is installed.
        this.jvmMetrics = b.bindJvmMetrics ? new JvmMetrics(registry) : null;
    }

    /** Starts a builder; {@link Builder#clips} is required, everything else has a default. */
    public static Builder builder(ApiSettings settings) {
        return new Builder(settings);
    }

    private static CompressionStrategy gzip() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip());
        strategy.setDefaultMinSizeForCompression(COMPRESS_MIN_BYTES);
        return strategy;
    }

    private static void allowOrigins(CorsPluginConfig.CorsRule rule, List<String> origins) {
        if (origins.contains(ApiSettings.ANY_ORIGIN)) {
            rule.anyHost();
            return;
        }
        origins.forEach(origin -> rule.allowHost(origin));
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this, for chaining
     * @throws IllegalStateException when already started or closed
     */
    public synchronized ApiServer start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "ApiServer is closed" : "ApiServer already started");
        }
        app.start();
        started = true;
        LOG.info("API listening on http://{}:{}/", settings.host(), app.port());
        return this;
    }

    /** The bound port (useful with port 0); -1 before {@link #start()}. */
    public synchronized int port() {
        return started && !closed ? app.port() : -1;
    }

    /** Stops serving; in-flight requests get {@link #STOP_TIMEOUT}. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            liveRoutes.close(); // live streams never end on their own: end them before Jetty waits for them
            app.stop();
            LOG.info("API stopped");
        }
        if (jvmMetrics != null) {
            jvmMetrics.close();
        }
    }

    /** The registry behind {@code GET /metrics} (injected, or the server's own). */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /**
     * Every HTTP route as {@code "METHOD /path"} (path templates as registered, e.g.
     * {@code /streams/{id}/moments}), sorted; static files and webjars are not routes.
     */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .distinct()
                .sorted()
                .toList();
    }

    /** Optional parts of an {@link ApiServer}; later features add their DAOs and sources here. */
    public static final class Builder {
        private final ApiSettings settings;
        private ClipDao clips;
        private ChannelQueries channels;
        private MomentQueries moments;
        private ChatSummaryDao chatSummaries;
        private ViewerTimeseriesDao viewerSamples;
        private RawChatDao rawChat;
        private List<HealthCheck> checks = List.of();
        private Clock clock = Clock.systemUTC();
        private PrometheusMeterRegistry registry;
        private boolean bindJvmMetrics = true;
        private LiveFeed liveFeed;
        private Duration liveHeartbeat = LiveRoutes.HEARTBEAT;

        private Builder(ApiSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** The clip store behind {@code GET /v1.0/clip} (required). */
        public Builder clips(ClipDao clips) {
            this.clips = Objects.requireNonNull(clips, "clips");
            return this;
        }

        /**
         * Channel lookups, the stream list and window counts behind {@code /streams...} and
         * {@code /api/channels/{id}/stats}. Without it (and the three below for {@code /streams...})
         * those paths answer 503.
         */
        public Builder channels(ChannelQueries channels) {
            this.channels = Objects.requireNonNull(channels, "channels");
            return this;
        }

        /** Moments with their clips, behind {@code GET /streams/{id}/moments}. */
        public Builder moments(MomentQueries moments) {
            this.moments = Objects.requireNonNull(moments, "moments");
            return this;
        }

        /** Per-minute chat summaries, behind {@code GET /streams/{id}/metrics}. */
        public Builder chatSummaries(ChatSummaryDao chatSummaries) {
            this.chatSummaries = Objects.requireNonNull(chatSummaries, "chatSummaries");
            return this;
        }

        /** Viewer counts over time, behind {@code GET /streams/{id}/metrics}. */
        public Builder viewerSamples(ViewerTimeseriesDao viewerSamples) {
            this.viewerSamples = Objects.requireNonNull(viewerSamples, "viewerSamples");
            return this;
        }

        /** The raw chat archive behind {@code GET /api/channels/{id}/messages} (with {@link #channels}). */
        public Builder rawChat(RawChatDao rawChat) {
            this.rawChat = Objects.requireNonNull(rawChat, "rawChat");
            return this;
        }

        private StreamRoutes.Reads streamReads() {
            boolean complete = channels != null && moments != null && chatSummaries != null && viewerSamples != null;
            return complete ? new StreamRoutes.Reads(channels, moments, chatSummaries, viewerSamples) : null;
        }

        /** What {@code GET /health} reports on; none by default. */
        public Builder healthChecks(List<HealthCheck> checks) {
            this.checks = List.copyOf(checks);
            return this;
        }

        /** Supplies "now" for default time ranges; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The registry the HTTP metrics go to and {@code GET /metrics} scrapes, e.g. one shared by the
         * whole all-in-one process; by default the server makes its own.
         */
        public Builder meterRegistry(PrometheusMeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Whether to bind JVM metrics (memory, GC, threads, CPU, uptime) to the registry; true by default.
         * Switch off when the registry is shared with a component that binds them already, or GC pauses
         * would be counted twice.
         */
        public Builder bindJvmMetrics(boolean bind) {
            this.bindJvmMetrics = bind;
            return this;
        }

        /**
         * The live feed behind {@code GET /v1.0/events} and {@code /live/{stream_id}}; without it those
         * answer 503. The caller starts and closes it (it outlives nothing: close it after the server).
         */
        public Builder liveFeed(LiveFeed feed) {
            this.liveFeed = Objects.requireNonNull(feed, "feed");
            return this;
        }

        /** Quiet time after which live connections get a heartbeat; 15 s by default. */
        public Builder liveHeartbeat(Duration heartbeat) {
            this.liveHeartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
            return this;
        }

        public ApiServer build() {
            return new ApiServer(this);
        }
    }
}
