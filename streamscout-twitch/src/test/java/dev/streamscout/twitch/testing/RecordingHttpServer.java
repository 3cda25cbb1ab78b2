package dev.streamscout.twitch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on a random loopback port that records every request and answers with
 * whatever the test's responder returns. Stands in for api.twitch.tv / id.twitch.tv.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** What the server saw. Header names are lower-case. */
    public record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String path() {
            return uri.getPath();
        }

        public String query() {
            return uri.getRawQuery() == null ? "" : uri.getRawQuery();
        }
    }

    /** What to answer. */
    public record Response(int status, String body, Map<String, String> headers, long delayMs) {
        public static Response json(int status, String body) {
            return new Response(status, body, Map.of("Content-Type", "application/json"), 0);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Response(status, body, h, delayMs);
        }

        public Response delayed(long ms) {
            return new Response(status, body, headers, ms);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> responder;

    public RecordingHttpServer(Function<Request, Response> responder) throws IOException {
        this.responder = responder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public void respondWith(Function<Request, Response> responder) {
        this.responder = responder;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body);
            requests.add(request);
            Response response = responder.apply(request);
            if (response.delayMs() > 0) {
                try {
                    Thread.sleep(response.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
