package dev.streamscout.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.world.ClipStore;
import dev.streamscout.sim.world.DeviceAuthorizations;
import dev.streamscout.sim.world.FaultInjector;
import dev.streamscout.sim.world.HypeSchedule;
import dev.streamscout.sim.world.TokenRegistry;
import dev.streamscout.sim.world.World;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDK HTTP server on 127.0.0.1 for Helix ({@code /helix}), OAuth ({@code /oauth2}), the device
 * activation page ({@code /activate}) and the simulator's own ground truth ({@code /sim}). Every failure is answered with a JSON error body;
 * nothing internal (no stack trace) reaches the client.
 */
public final class SimHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimHttpServer.class);

    private final int requestedPort;
    private final HelixApi helix;
    private final OAuthApi oauth;
    private final SimApi sim;
    private HttpServer server;
    private ExecutorService executor;

    public SimHttpServer(SimulatorSettings settings, World world, HypeSchedule hype, ClipStore clips,
                         TokenRegistry tokens, DeviceAuthorizations devices, FaultInjector faults) {
        this.requestedPort = settings.httpPort();
        this.helix = new HelixApi(world, clips, tokens, faults,
                new RateLimiter(settings.helixRateLimitPerMinute(), settings.clock()), settings.clock());
        this.oauth = new OAuthApi(tokens, devices, faults, settings.clock());
        this.sim = new SimApi(world, hype, clips);
    }

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(16, task -> {
            Thread thread = new Thread(task, "sim-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void dispatch(HttpExchange raw) {
        try {
            Exchange exchange;
            try {
                exchange = Exchange.read(raw);
            } catch (Exchange.BadRequestException e) {
                respondBadRequest(raw, e.getMessage());
                return;
            }
            route(exchange);
        } catch (Exchange.BadRequestException e) {
            respondBadRequest(raw, e.getMessage());
        } catch (IOException e) {
            LOG.debug("HTTP exchange {} {} failed: {}", raw.getRequestMethod(), raw.getRequestURI().getPath(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("HTTP handler failed for {} {}", raw.getRequestMethod(), raw.getRequestURI().getPath(), e);
            respondInternalError(raw);
        } finally {
            raw.close();
        }
    }

    private void route(Exchange exchange) throws IOException {
        String path = exchange.path();
        if (path.equals("/helix") || path.startsWith("/helix/")) {
            helix.handle(exchange);
        } else if (path.startsWith("/oauth2/")) {
            oauth.handle(exchange);
        } else if (path.equals("/activate")) {
            oauth.activate(exchange);
        } else if (path.startsWith("/sim/")) {
            sim.handle(exchange);
        } else {
            exchange.error(404, "Nothing at " + path);
        }
    }

    private static void respondBadRequest(HttpExchange raw, String message) {
        respondPlainJson(raw, 400, "{\"error\":\"Bad Request\",\"status\":400,\"message\":\""
                + message.replace("\"", "'") + "\"}");
    }

    private static void respondInternalError(HttpExchange raw) {
        respondPlainJson(raw, 500,
                "{\"error\":\"Internal Server Error\",\"status\":500,\"message\":\"simulator error\"}");
    }

    /** Best effort: the headers may already be gone if the failure came mid-response. */
    private static void respondPlainJson(HttpExchange raw, int status, String json) {
        try {
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            raw.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            raw.sendResponseHeaders(status, body.length);
            raw.getResponseBody().write(body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send error {}: {}", status, e.toString());
        }
    }
}
