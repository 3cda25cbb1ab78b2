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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The user-token side of Twitch OAuth ({@code https://id.twitch.tv/oauth2}): validate, refresh,
 * authorization-code exchange and the device code grant. Blocking calls on the JDK HTTP client.
 *
 * <p>Parameters go in a form body, never the query string, so secrets stay out of access logs;
 * every value is URL-encoded (refresh tokens contain {@code %}, {@code /} and {@code =}). Failures
 * are {@link TokenRequestException}s with the HTTP status (0 when no response came) and Twitch's
 * message, never a token. Thread-safe.
 */
public final class OAuthClient {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** RFC 8628's grant type for polling with a device code. */
    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final String base;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;

    /**
     * @param oauthBase    e.g. {@code https://id.twitch.tv/oauth2} or the simulator's {@code http://127.0.0.1:PORT/oauth2}
     * @param clientId     TWITCH_CLIENT_ID
     * @param clientSecret TWITCH_CLIENT_SECRET
     */
    public OAuthClient(URI oauthBase, String clientId, String clientSecret, HttpClient http) {
        String b = Objects.requireNonNull(oauthBase, "oauthBase").toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.clientId = requireNonBlank(clientId, "clientId (TWITCH_CLIENT_ID)");
        this.clientSecret = requireNonBlank(clientSecret, "clientSecret (TWITCH_CLIENT_SECRET)");
        this.http = Objects.requireNonNull(http, "http");
    }

    public String clientId() {
        return clientId;
    }

    /** {@code {oauthBase}} without a trailing slash. */
    public URI base() {
        return URI.create(base);
    }

    /**
     * {@code GET /validate} with {@code Authorization: OAuth <token>}.
     *
     * @throws TokenRequestException with status 401 when the token is invalid or expired
     */
    public TokenValidation validate(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/validate"))
                .timeout(DEFAULT_REQUEST_TIMEOUT)
                .header("Authorization", "OAuth " + requireNonBlank(accessToken, "accessToken"))
                .header("Accept", "application/json")
                .GET()
                .build();
        JsonNode body = send(request, "validate token " + Redact.mask(accessToken));
        return new TokenValidation(text(body, "client_id"), text(body, "login"), text(body, "user_id"),
                strings(body.get("scopes")), body.path("expires_in").asLong(0));
    }

    /** {@code grant_type=refresh_token}; the answer may carry a new (rotated) refresh token. */
    public TokenGrant refresh(String refreshToken) {
        Map<String, String> form = credentials();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", requireNonBlank(refreshToken, "refreshToken"));
        return grant(post("/token", form, "refresh user token " + Redact.mask(refreshToken)), refreshToken);
    }

    /** {@code grant_type=authorization_code}: the code the authorize redirect brought back. */
    public TokenGrant exchangeCode(String code, URI redirectUri) {
        Map<String, String> form = credentials();
        form.put("code", requireNonBlank(code, "code"));
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri.toString());
        return grant(post("/token", form, "exchange authorization code"), "");
    }

    /**
     * {@code {oauthBase}/authorize?response_type=code&client_id=..&redirect_uri=..&scope=a+b&state=..},
     * the page the user's browser is sent to.
     */
    public URI authorizeUri(URI redirectUri, List<String> scopes, String state) {
        return URI.create(base + "/authorize?response_type=code"
                + "&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri.toString())
                + "&scope=" + encode(String.join(" ", scopes))
                + "&state=" + encode(state));
    }

    /** {@code POST /device} with the client id and scopes: the codes to show the user. */
    public DeviceAuthorization startDeviceAuthorization(List<String> scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("scopes", String.join(" ", scopes));
        JsonNode body = post("/device", form, "start device authorization");
        String deviceCode = text(body, "device_code");
        String userCode = text(body, "user_code");
        String verificationUri = text(body, "verification_uri");
        if (deviceCode == null || userCode == null || verificationUri == null) {
            throw new TokenRequestException("device authorization answer from " + base
                    + "/device lacks device_code, user_code or verification_uri", 200, null);
        }
        return new DeviceAuthorization(deviceCode, userCode, verificationUri, body.path("expires_in").asLong(1800),
                Math.max(1, body.path("interval").asInt(5)));
    }

    /**
     * One poll of {@code POST /token} with {@value #DEVICE_CODE_GRANT}. The waiting answers
     * ({@code authorization_pending}, {@code slow_down}) and the final refusals ({@code access_denied},
     * {@code expired_token}, an unknown device code) are outcomes, not exceptions.
     *
     * @throws TokenRequestException for anything else (wrong client, server error, no response)
     */
    public DevicePoll pollDeviceToken(String deviceCode, List<String> scopes) {
        Map<String, String> form = credentials();
        form.put("scopes", String.join(" ", scopes));
        form.put("device_code", requireNonBlank(deviceCode, "deviceCode"));
        form.put("grant_type", DEVICE_CODE_GRANT);
        HttpResponse<String> response = exchange(formRequest("/token", form), "poll device token");
        if (response.statusCode() == 200) {
            return new DevicePoll(DevicePoll.Outcome.GRANTED, grant(parse(response, "poll device token"), ""), "");
        }
        JsonNode error = parseQuietly(response.body());
        String code = (text(error, "message") == null ? "" : text(error, "message")) + " "
                + (text(error, "error") == null ? "" : text(error, "error"));
        String normalized = code.toLowerCase(Locale.ROOT);
        String message = errorMessage(response.body());
        if (response.statusCode() == 400 || response.statusCode() == 401 || response.statusCode() == 403) {
            if (normalized.contains("authorization_pending")) {
                return new DevicePoll(DevicePoll.Outcome.PENDING, null, message);
            }
            if (normalized.contains("slow_down")) {
                return new DevicePoll(DevicePoll.Outcome.SLOW_DOWN, null, message);
            }
            if (normalized.contains("access_denied") || normalized.contains("denied")) {
                return new DevicePoll(DevicePoll.Outcome.DENIED, null, message);
            }
            if (normalized.contains("expired_token") || normalized.contains("invalid device code")
                    || normalized.contains("expired")) {
                return new DevicePoll(DevicePoll.Outcome.EXPIRED, null, message);
            }
        }
        throw new TokenRequestException("device token poll at " + base + "/token failed with HTTP "
                + response.statusCode() + " (" + message + ")", response.statusCode(), null);
    }

    // ---- plumbing -------------------------------------------------------------------------------

    private Map<String, String> credentials() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return form;
    }

    private JsonNode post(String path, Map<String, String> form, String what) {
        return send(formRequest(path, form), what);
    }

    private HttpRequest formRequest(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(DEFAULT_REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private JsonNode send(HttpRequest request, String what) {
        HttpResponse<String> response = exchange(request, what);
        if (response.statusCode() != 200) {
            String hint = response.statusCode() == 403 || errorMessage(response.body()).toLowerCase(Locale.ROOT)
                    .contains("client") ? "; check TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET (client id "
                    + Redact.mask(clientId) + ")" : "";
            throw new TokenRequestException("could not " + what + " at " + request.uri() + ": HTTP "
                    + response.statusCode() + " (" + errorMessage(response.body()) + ")" + hint,
                    response.statusCode(), null);
        }
        return parse(response, what);
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRequestException("interrupted while trying to " + what + " at " + request.uri(), 0, e);
        } catch (IOException e) {
            throw new TokenRequestException("could not " + what + ": no response from " + request.uri() + " (" + e
                    + ")", 0, e);
        }
    }

    private JsonNode parse(HttpResponse<String> response, String what) {
        JsonNode root = parseQuietly(response.body());
        if (root == null || !root.isObject()) {
            throw new TokenRequestException("could not " + what + ": the answer from " + response.uri()
                    + " is not a JSON object", response.statusCode(), null);
        }
        return root;
    }

    private TokenGrant grant(JsonNode body, String previousRefreshToken) {
        String access = text(body, "access_token");
        if (access == null || access.isBlank()) {
            throw new TokenRequestException("token answer from " + base + "/token has no access_token", 200, null);
        }
        String refresh = text(body, "refresh_token");
        // Twitch may rotate the refresh token; when it sends none, the old one stays valid.
        String keep = refresh == null || refresh.isBlank() ? previousRefreshToken : refresh;
        JsonNode scope = body.has("scope") ? body.get("scope") : body.get("scopes");
        return new TokenGrant(access, keep, body.path("expires_in").asLong(0), strings(scope));
    }

    /** Twitch sends {@code scope} as a JSON array; RFC 6749 servers send a space-separated string. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isTextual()) {
            for (String s : node.asText().trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    values.add(s);
                }
            }
            return values;
        }
        if (node.isArray()) {
            node.forEach(s -> {
                if (s.isTextual()) {
                    values.add(s.asText());
                }
            });
        }
        return values;
    }

    private static JsonNode parseQuietly(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String errorMessage(String body) {
        JsonNode root = parseQuietly(body);
        String message = text(root, "message");
        if (message == null) {
            message = text(root, "error_description");
        }
        if (message == null) {
            message = text(root, "error");
        }
        return message == null ? "no error message" : message;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
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
