package dev.streamscout.ingest.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service's two small HTTP endpoints on the JDK server (no web framework needed for two
 * routes): {@code GET /health} (JSON, 200 or 503, seed port 8080) and {@code GET /metrics}
 * (Prometheus text, seed port 9100). Both may share one port.
 *
 * <p>A port of 0 picks a free one (tests); {@link #DISABLED} serves nothing on it. Both listen on
 * all interfaces, since a health checker and Prometheus usually scrape from elsewhere.
 */
public final class IngestHttpServer implements AutoCloseable {

    /** A port that is not served. */
    public static final int DISABLED = -1;

    private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer healthServer;
    private final HttpServer metricsServer;
    private final ExecutorService executor;

    private IngestHttpServer(HttpServer healthServer, HttpServer metricsServer, ExecutorService executor) {
        this.healthServer = healthServer;
        this.metricsServer = metricsServer;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param healthPort  port of {@code /health}: 0 any free port, {@link #DISABLED} none
     * @param metricsPort port of {@code /metrics}: 0 any free port, {@link #DISABLED} none; the same
     *                    non-zero port as {@code healthPort} serves both on one listener
     * @param health      computes the report on each request
     * @param metrics     the Prometheus exposition text (e.g. {@code registry::scrape})
     * @throws UncheckedIOException when a port cannot be bound; the message names it
     */
    public static IngestHttpServer start(int healthPort, int metricsPort, Supplier<HealthReport> health,
            Supplier<String> metrics) {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(metrics, "metrics");
        // Two threads: a slow health probe (database, Kafka) must not hold up a scrape.
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ingest-http");
            t.setDaemon(true);
            return t;
        });
        HttpServer healthServer = null;
        HttpServer metricsServer = null;
        try {
            if (healthPort != DISABLED) {
                healthServer = bind(healthPort, "health (HEALTH_CHECK_PORT)", executor);
                healthServer.createContext("/health", exchange -> serveHealth(exchange, health));
            }
            if (metricsPort != DISABLED) {
                if (healthServer != null && metricsPort != 0 && metricsPort == healthPort) {
                    metricsServer = healthServer;
                } else {
                    metricsServer = bind(metricsPort, "metrics (PROMETHEUS_PORT)", executor);
                }
                metricsServer.createContext("/metrics", exchange -> serveMetrics(exchange, metrics));
            }
        } catch (RuntimeException e) {
            stopQuietly(healthServer);
            stopQuietly(metricsServer);
            executor.shutdownNow();
            throw e;
        }
        if (healthServer != null) {
            healthServer.start();
        }
        if (metricsServer != null && metricsServer != healthServer) {
            metricsServer.start();
        }
        IngestHttpServer server = new IngestHttpServer(healthServer, metricsServer, executor);
        LOG.info("Ingest health at {}, metrics at {}", server.healthUri(), server.metricsUri());
        return server;
    }

    private static HttpServer bind(int port, String what, ExecutorService executor) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
            server.setExecutor(executor);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + what + " on port " + port + ": " + e.getMessage()
                    + " (is another process using it?)", e);
        }
    }

    private static void serveHealth(HttpExchange exchange, Supplier<HealthReport> health) throws IOException {
        if (!allowGet(exchange)) {
            return;
        }
        int status;
        String body;
        try {
            HealthReport report = health.get();
            status = report.httpStatus();
            body = report.toJson();
        } catch (RuntimeException e) {
            LOG.warn("Health check failed", e);
            status = 503;
            body = "{\"status\":\"DOWN\",\"error\":\"the health check itself failed; see the log\"}";
        }
        respond(exchange, status, "application/json", body);
    }

    private static void serveMetrics(HttpExchange exchange, Supplier<String> metrics) throws IOException {
        if (!allowGet(exchange)) {
            return;
        }
        try {
            respond(exchange, 200, PROMETHEUS_TEXT, metrics.get());
        } catch (RuntimeException e) {
            LOG.warn("Metrics scrape failed", e);
            respond(exchange, 500, "text/plain; charset=utf-8", "scrape failed; see the log\n");
        }
    }

    private static boolean allowGet(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain; charset=utf-8", "use GET\n");
        return false;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    /** The bound health port, or {@link #DISABLED}. */
    public int healthPort() {
        return healthServer == null ? DISABLED : healthServer.getAddress().getPort();
    }

    /** The bound metrics port, or {@link #DISABLED}. */
    public int metricsPort() {
        return metricsServer == null ? DISABLED : metricsServer.getAddress().getPort();
    }

    /** {@code http://localhost:<port>/health}, or null when not served. */
    public URI healthUri() {
        return healthServer == null ? null : URI.create("http://localhost:" + healthPort() + "/health");
    }

    /** {@code http://localhost:<port>/metrics}, or null when not served. */
    public URI metricsUri() {
        return metricsServer == null ? null : URI.create("http://localhost:" + metricsPort() + "/metrics");
    }

    /** Stops both listeners at once (requests in progress are cut). */
    @Override
    public void close() {
        stopQuietly(healthServer);
        if (metricsServer != healthServer) {
            stopQuietly(metricsServer);
        }
        executor.shutdownNow();
    }

    private static void stopQuietly(HttpServer server) {
        if (server != null) {
            server.stop(0);
        }
    }
}
