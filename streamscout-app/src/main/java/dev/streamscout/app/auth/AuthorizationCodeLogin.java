package dev.streamscout.app.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenGrant;
import dev.streamscout.twitch.auth.TokenValidation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization-code flow with a local web server, as seed 002 describes it:
 * {@code GET http://localhost:3000/auth} redirects the browser to Twitch's authorize page with the
 * scopes and a random {@code state}; Twitch sends the browser back to {@code /auth/callback}, whose
 * code is exchanged for tokens, validated and written to the token file, and the browser is told
 * it can close the window.
 *
 * <p>A callback with the wrong {@code state} (a forged or stale link) is refused and the flow keeps
 * waiting; a refusal by the user ends it. The server listens on the loopback interface only.
 */
public final class AuthorizationCodeLogin implements AutoCloseable {

    public static final int DEFAULT_PORT = 3000;
    static final String SUCCESS_TEXT = "Authentication successful! You can close this window.";

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCodeLogin.class);

    private final OAuthClient oauth;
    private final Path tokenFile;
    private final List<String> scopes;
    private final Clock clock;
    private final String state;
    private final HttpServer server;
    private final ExecutorService executor;
    private final CompletableFuture<TokenValidation> outcome = new CompletableFuture<>();

    private AuthorizationCodeLogin(OAuthClient oauth, Path tokenFile, List<String> scopes, Clock clock, int port)
            throws IOException {
        this.oauth = oauth;
        this.tokenFile = tokenFile;
        this.scopes = List.copyOf(scopes);
        this.clock = clock;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.state = HexFormat.of().formatHex(random);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "auth-callback-server");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /**
     * Opens the local server.
     *
     * @param port {@value #DEFAULT_PORT} by default (it must match the redirect URL registered with
     *             Twitch); 0 picks a free port (tests)
     * @throws UncheckedIOException when the port is taken
     */
    public static AuthorizationCodeLogin start(OAuthClient oauth, Path tokenFile, List<String> scopes, Clock clock,
            int port) {
        AuthorizationCodeLogin login;
        try {
            login = new AuthorizationCodeLogin(oauth, tokenFile, scopes, clock, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on localhost:" + port + " (" + e.getMessage()
                    + "); stop what uses it or pass --port N (and register http://localhost:N/auth/callback"
                    + " as an OAuth redirect URL of the Twitch application)", e);
        }
        login.server.start();
        return login;
    }

    /** {@code http://localhost:PORT/auth}: the page to open in a browser. */
    public URI startUri() {
        return URI.create("http://localhost:" + port() + "/auth");
    }

    /** {@code http://localhost:PORT/auth/callback}: must be registered with the Twitch application. */
    public URI redirectUri() {
        return URI.create("http://localhost:" + port() + "/auth/callback");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Waits until the browser has come back and the token file is written.
     *
     * @return what Twitch says about the new token
     * @throws AuthorizationFailedException when the user refused or the exchange failed
     * @throws TimeoutException when nothing happened within {@code timeout}
     */
    public TokenValidation await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationFailedException failed) {
                throw failed;
            }
            throw new AuthorizationFailedException("authorization failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        // Give the success page a moment to reach the browser before the server goes away.
        server.stop(1);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                page(exchange, 405, "Method not allowed", "Only GET is served here.");
            } else if (path.equals("/auth") || path.equals("/auth/")) {
                URI authorize = oauth.authorizeUri(redirectUri(), scopes, state);
                exchange.getResponseHeaders().add("Location", authorize.toString());
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/auth/callback")) {
                callback(exchange, query(exchange.getRequestURI().getRawQuery()));
            } else {
                page(exchange, 404, "Not found", "Open <a href=\"/auth\">/auth</a> to connect StreamScout to Twitch.");
            }
        } catch (RuntimeException e) {
            LOG.warn("auth server failed to answer {}: {}", exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private void callback(HttpExchange exchange, Map<String, String> params) throws IOException {
        if (outcome.isDone()) {
            page(exchange, 409, "Already done", "This login has finished; run <code>streamscout auth</code> again"
                    + " to start a new one.");
            return;
        }
        if (!state.equals(params.get("state"))) {
            // Not our request (or a stale tab): refuse it but keep waiting for the real one.
            LOG.warn("auth callback with a wrong state parameter refused");
            page(exchange, 400, "Wrong state", "This link does not belong to the running login. Start again at "
                    + "<a href=\"/auth\">/auth</a>.");
            return;
        }
        String error = params.get("error");
        if (error != null) {
            String description = params.getOrDefault("error_description", "");
            outcome.completeExceptionally(new AuthorizationFailedException("Twitch did not authorize StreamScout: "
                    + error + (description.isEmpty() ? "" : " (" + description + ")")
                    + "; run `streamscout auth` again and choose Authorize"));
            page(exchange, 400, "Not authorized", "Twitch reports: " + escape(error) + ". Nothing was saved.");
            return;
        }
        String code = params.get("code");
        if (code == null || code.isBlank()) {
            page(exchange, 400, "No code", "The callback carried no authorization code. Start again at "
                    + "<a href=\"/auth\">/auth</a>.");
            return;
        }
        try {
            TokenGrant grant = oauth.exchangeCode(code, redirectUri());
            TokenValidation validation = TokenFileSeeder.save(oauth, grant, tokenFile, clock);
            page(exchange, 200, "StreamScout is connected", escape(SUCCESS_TEXT) + " The token for "
                    + escape(String.valueOf(validation.login())) + " is saved.");
            outcome.complete(validation);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e instanceof AuthorizationFailedException ? e
                    : new AuthorizationFailedException("exchanging the authorization code failed: " + e.getMessage(), e));
            page(exchange, 502, "Exchange failed", "Twitch did not exchange the code: " + escape(e.getMessage()));
        }
    }

    private static void page(HttpExchange exchange, int status, String title, String html) throws IOException {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>StreamScout: " + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1><p>" + html + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A malformed escape: ignore this parameter; the state check fails if it mattered.
            }
        }
        return params;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
