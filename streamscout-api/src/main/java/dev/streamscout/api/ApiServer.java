package dev.streamscout.api;

import dev.streamscout.api.clips.ClipRoutes;
import dev.streamscout.api.health.HealthRoutes;
import dev.streamscout.api.problem.ProblemErrorHandler;
import dev.streamscout.api.problem.ProblemMapping;
import dev.streamscout.store.ClipDao;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
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
 *   <li>{@code GET /health} — 200 UP / 503 DOWN ({@link HealthRoutes})</li>
 *   <li>{@code GET /} and {@code /static/*} — the dashboard, from {@code classpath:/public}</li>
 * </ul>
 *
 * <p>Errors are RFC 9457 problem bodies, all produced by {@link ProblemMapping}.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** How long in-flight requests get to finish on {@link #close()}. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    // The dashboard only talks to its own origin; nothing inline, nothing third-party.
    private static final Map<String, String> STATIC_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                    + " connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-cache");

    private final ApiSettings settings;
    private final Javalin app;
    private boolean started;
    private boolean closed;

    public ApiServer(ApiSettings settings, ClipDao clips, List<HealthCheck> checks) {
        this(settings, clips, checks, Clock.systemUTC());
    }

    /** As above, with the clock that supplies "now" for default time ranges. */
    public ApiServer(ApiSettings settings, ClipDao clips, List<HealthCheck> checks, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        ClipRoutes clipRoutes = new ClipRoutes(clips, clock);
        HealthRoutes healthRoutes = new HealthRoutes(checks);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(new ProblemErrorHandler());
            });
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = STATIC_HEADERS;
            });
            clipRoutes.register(cfg.routes);
            healthRoutes.register(cfg.routes);
            ProblemMapping.register(cfg.routes);
        });
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
            app.stop();
            LOG.info("API stopped");
        }
    }
}
