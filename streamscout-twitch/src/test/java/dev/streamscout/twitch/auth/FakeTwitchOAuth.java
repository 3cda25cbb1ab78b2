package dev.streamscout.twitch.auth;

import dev.streamscout.twitch.testing.RecordingHttpServer;
import dev.streamscout.twitch.testing.RecordingHttpServer.Request;
import dev.streamscout.twitch.testing.RecordingHttpServer.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * id.twitch.tv's validate and refresh grant on a real loopback HTTP server, strict where the real
 * one is: tokens expire on the given clock, every refresh rotates the refresh token (the old one
 * stops working) and refresh tokens contain {@code %}, {@code /} and {@code =}, so a client that
 * does not URL-encode them fails.
 */
final class FakeTwitchOAuth implements AutoCloseable {

    static final String CLIENT_ID = "hof5gwx0su6owfnys0yan9c87zr6t";
    static final String CLIENT_SECRET = "41vpdji4e9gif29md0ouet6fktd2";

    private final RecordingHttpServer server;
    private final Clock clock;
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private final Set<String> refreshTokens = new HashSet<>();
    private List<String> scopes = List.of("chat:read", "clips:edit");
    private Duration lifetime = Duration.ofHours(4);
    private long refreshDelayMs;
    private int serial;
    private int refreshGrants;
    private int validations;

    FakeTwitchOAuth(Clock clock) throws IOException {
        this.clock = clock;
        this.server = new RecordingHttpServer(this::answer);
    }

    URI base() {
        return server.uri("/oauth2");
    }

    /** Issues a token pair as {@code streamscout auth} would have stored it. */
    synchronized UserTokens issue() {
        return new UserTokens(newAccessToken(), newRefreshToken(), scopes, clock.instant());
    }

    synchronized void grantScopes(List<String> value) {
        scopes = List.copyOf(value);
    }

    synchronized void tokenLifetime(Duration value) {
        lifetime = value;
    }

    synchronized void slowRefresh(long ms) {
        refreshDelayMs = ms;
    }

    /** Access tokens stop working; refresh tokens keep working (a password change would end both). */
    synchronized void revokeAccessTokens() {
        accessTokens.clear();
    }

    synchronized void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    synchronized int refreshGrants() {
        return refreshGrants;
    }

    synchronized int validations() {
        return validations;
    }

    synchronized boolean isValid(String accessToken) {
        Instant expiry = accessTokens.get(accessToken);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    List<Request> requests() {
        return server.requests();
    }

    @Override
    public void close() {
        server.close();
    }

    private Response answer(Request r) {
        if (r.path().equals("/oauth2/validate") && r.method().equals("GET")) {
            return validate(r);
        }
        if (r.path().equals("/oauth2/token") && r.method().equals("POST")) {
            return token(r);
        }
        return Response.json(404, "{\"status\":404,\"message\":\"not found\"}");
    }

    private synchronized Response validate(Request r) {
        validations++;
        String auth = r.header("Authorization");
        String token = auth != null && auth.startsWith("OAuth ") ? auth.substring(6) : null;
        if (token == null || !isValid(token)) {
            return Response.json(401, "{\"status\":401,\"message\":\"invalid access token\"}");
        }
        long expiresIn = Duration.between(clock.instant(), accessTokens.get(token)).toSeconds();
        return Response.json(200, "{\"client_id\":\"" + CLIENT_ID + "\",\"login\":\"twitchdev\",\"scopes\":"
                + json(scopes) + ",\"user_id\":\"141981764\",\"expires_in\":" + expiresIn + "}");
    }

    private Response token(Request r) {
        if (refreshDelayMs > 0) {
            try {
                Thread.sleep(refreshDelayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            Map<String, String> form = form(r.body());
            if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
                return Response.json(400, "{\"status\":400,\"message\":\"invalid client\"}");
            }
            if (!"refresh_token".equals(form.get("grant_type")) || !refreshTokens.remove(form.get("refresh_token"))) {
                return Response.json(400, "{\"error\":\"Bad Request\",\"status\":400,\"message\":\"Invalid refresh token\"}");
            }
            refreshGrants++;
            return Response.json(200, "{\"access_token\":\"" + newAccessToken() + "\",\"expires_in\":"
                    + lifetime.toSeconds() + ",\"refresh_token\":\"" + newRefreshToken() + "\",\"scope\":"
                    + json(scopes) + ",\"token_type\":\"bearer\"}");
        }
    }

    private String newAccessToken() {
        String token = "access" + (++serial) + "qyz4xiz9q32l10abcdefgh";
        accessTokens.put(token, clock.instant().plus(lifetime));
        return token;
    }

    private String newRefreshToken() {
        String token = "eyJfaWQmNzMtNGCJ9%6VFV5LNrZ/" + (++serial) + "Fj8oU23=";
        refreshTokens.add(token);
        return token;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String json(List<String> values) {
        return values.isEmpty() ? "[]" : "[\"" + String.join("\",\"", values) + "\"]";
    }
}
