package dev.streamscout.twitch.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App access token (client-credentials grant) for Helix calls that need no user, such as Get
 * Streams. The token is cached and fetched again shortly before {@code expires_in} runs out, or
 * after {@link #invalidate()} (call it when Helix answers 401).
 *
 * <p>Parameters go in the form body, never the query string, so the secret stays out of access
 * logs. Thread-safe; {@link #get()} blocks while a token is being fetched.
 */
public final class AppTokenProvider implements RenewableToken {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Refresh this long before expiry (or at half the lifetime for short-lived tokens). */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(AppTokenProvider.class);

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final Clock clock;

    private String token;
    private Instant refreshAt = Instant.MIN;
    private long fetches;

    /**
     * @param oauthBase e.g. {@code https://id.twitch.tv/oauth2} or {@code http://127.0.0.1:PORT/oauth2}
     */
    public AppTokenProvider(URI oauthBase, String clientId, String clientSecret, HttpClient http) {
        this(oauthBase, clientId, clientSecret, http, Clock.systemUTC());
    }

    /** With an explicit clock, so expiry handling can be tested without waiting. */
    public AppTokenProvider(URI oauthBase, String clientId, String clientSecret, HttpClient http, Clock clock) {
        String b = Objects.requireNonNull(oauthBase, "oauthBase").toString();
        this.tokenEndpoint = URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/token");
        this.clientId = requireNonBlank(clientId, "clientId (TWITCH_CLIENT_ID)");
        this.clientSecret = requireNonBlank(clientSecret, "clientSecret (TWITCH_CLIENT_SECRET)");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A valid app token, fetching a new one when none is cached or the cached one is about to expire. */
    @Override
    public synchronized String get() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the cached token so that the next {@link #get()} fetches a new one (after a 401). */
    public synchronized void invalidate() {
        token = null;
    }

    /**
     * Forgets the cached token if it is still {@code rejectedToken}; a token fetched meanwhile by
     * another caller is kept, so concurrent 401s cause one fetch, not many.
     */
    @Override
    public synchronized void renewAfterRejection(String rejectedToken) {
        if (token != null && token.equals(rejectedToken)) {
            token = null;
        }
    }

    /** How many tokens have been fetched from the server (for metrics and tests). */
    public synchronized long fetchCount() {
        return fetches;
    }

    private void fetch() {
        String form = "client_id=" + encode(clientId)
                + "&client_secret=" + encode(clientSecret)
                + "&grant_type=client_credentials";
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(DEFAULT_REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRequestException("interrupted while requesting an app token from " + tokenEndpoint, 0, e);
        } catch (IOException e) {
            throw new TokenRequestException("no response from " + tokenEndpoint + ": " + e, 0, e);
        }
        if (response.statusCode() != 200) {
            throw new TokenRequestException("app token request to " + tokenEndpoint + " failed with HTTP "
                    + response.statusCode() + " (" + errorMessage(response.body()) + "); check TWITCH_CLIENT_ID and "
                    + "TWITCH_CLIENT_SECRET (client id " + Redact.mask(clientId) + ")", response.statusCode(), null);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new TokenRequestException("app token response from " + tokenEndpoint + " is not JSON", 200, e);
        }
        JsonNode accessToken = root == null ? null : root.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new TokenRequestException("app token response from " + tokenEndpoint + " has no access_token", 200, null);
        }
        long expiresIn = root.path("expires_in").isNumber() ? root.path("expires_in").asLong() : 3600;
        Duration lifetime = Duration.ofSeconds(Math.max(0, expiresIn));
        Duration margin = lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
        token = accessToken.asText();
        refreshAt = clock.instant().plus(lifetime).minus(margin);
        fetches++;
        LOG.info("Obtained Twitch app access token {} (expires in {} s)", Redact.mask(token), expiresIn);
    }

    private static String errorMessage(String body) {
        try {
            JsonNode root = Json.mapper().readTree(body == null ? "" : body);
            if (root != null && root.path("message").isTextual()) {
                return root.path("message").asText();
            }
        } catch (JsonProcessingException e) {
            // fall through: not a JSON error body
        }
        return "no error message";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
