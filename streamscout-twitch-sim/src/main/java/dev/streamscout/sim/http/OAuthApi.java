package dev.streamscout.sim.http;

import dev.streamscout.sim.SimEndpoint;
import dev.streamscout.sim.world.DeviceAuthorizations;
import dev.streamscout.sim.world.FaultInjector;
import dev.streamscout.sim.world.TokenRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The simulated id.twitch.tv: the token grants (authorization code, refresh, client credentials,
 * device code), validate, revoke, an authorize page that consents at once (redirecting with a
 * code) and the device activation page, so both user flows run offline.
 * Parameters are read from the query string and from a form body, as Twitch accepts both.
 */
final class OAuthApi {

    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final TokenRegistry tokens;
    private final DeviceAuthorizations devices;
    private final FaultInjector faults;
    private final Clock clock;

    OAuthApi(TokenRegistry tokens, DeviceAuthorizations devices, FaultInjector faults, Clock clock) {
        this.tokens = tokens;
        this.devices = devices;
        this.faults = faults;
        this.clock = clock;
    }

    void handle(Exchange exchange) throws IOException {
        String method = exchange.method();
        switch (exchange.path()) {
            case "/oauth2/token" -> {
                if (method.equals("POST")) {
                    token(exchange);
                } else {
                    exchange.oauthError(405, "method not allowed");
                }
            }
            case "/oauth2/validate" -> {
                if (method.equals("GET")) {
                    validate(exchange);
                } else {
                    exchange.oauthError(405, "method not allowed");
                }
            }
            case "/oauth2/authorize" -> authorize(exchange);
            case "/oauth2/device" -> {
                if (method.equals("POST")) {
                    device(exchange);
                } else {
                    exchange.oauthError(405, "method not allowed");
                }
            }
            case "/oauth2/revoke" -> {
                if (method.equals("POST")) {
                    revoke(exchange);
                } else {
                    exchange.oauthError(405, "method not allowed");
                }
            }
            default -> exchange.oauthError(404, "not found");
        }
    }

    private void token(Exchange exchange) throws IOException {
        if (answeredByFault(exchange, SimEndpoint.OAUTH_TOKEN)) {
            return;
        }
        String clientId = clientId(exchange);
        if (clientId == null) {
            return;
        }
        String grantType = exchange.param("grant_type");
        if (grantType == null) {
            exchange.oauthError(400, "missing grant type");
            return;
        }
        String secret = exchange.param("client_secret");
        // Public clients (device flow) have no secret: their polls and refreshes come without one.
        boolean publicRequest = grantType.equals(DEVICE_CODE_GRANT)
                || grantType.equals("refresh_token") && tokens.isPublicRefreshToken(exchange.param("refresh_token"));
        if ((secret == null || secret.isBlank()) && !publicRequest) {
            exchange.oauthError(403, "invalid client secret");
            return;
        }
        switch (grantType) {
            case DEVICE_CODE_GRANT -> deviceToken(exchange, clientId);
            case "client_credentials" -> {
                TokenRegistry.Grant grant = tokens.issueAppToken(clientId);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("access_token", grant.accessToken());
                body.put("expires_in", grant.expiresInSeconds());
                body.put("token_type", "bearer");
                exchange.json(200, body);
            }
            case "authorization_code" -> {
                Optional<TokenRegistry.Grant> grant = tokens.redeemCode(clientId, exchange.param("code"));
                if (grant.isEmpty()) {
                    exchange.oauthError(400, "Invalid authorization code");
                } else {
                    exchange.json(200, userGrant(grant.get()));
                }
            }
            case "refresh_token" -> {
                Optional<TokenRegistry.Grant> grant = tokens.refresh(clientId, exchange.param("refresh_token"));
                if (grant.isEmpty()) {
                    exchange.error(400, "Invalid refresh token");
                } else {
                    exchange.json(200, userGrant(grant.get()));
                }
            }
            default -> exchange.oauthError(400, "unsupported grant type");
        }
    }

    /** {@code POST /oauth2/device}: starts a device authorization (RFC 8628 section 3.1). */
    private void device(Exchange exchange) throws IOException {
        if (answeredByFault(exchange, SimEndpoint.OAUTH_DEVICE)) {
            return;
        }
        String clientId = clientId(exchange);
        if (clientId == null) {
            return;
        }
        DeviceAuthorizations.Started started = devices.start(clientId, scopes(exchange));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_code", started.deviceCode());
        body.put("expires_in", started.expiresInSeconds());
        body.put("interval", started.intervalSeconds());
        body.put("user_code", started.userCode());
        body.put("verification_uri", exchange.localBase() + "/activate?public=true&device-code=" + started.userCode());
        exchange.json(200, body);
    }

    /** A token poll of the device grant: pending, slow down, denied, invalid, or the tokens. */
    private void deviceToken(Exchange exchange, String clientId) throws IOException {
        DeviceAuthorizations.Poll poll = devices.poll(clientId, exchange.param("device_code"));
        switch (poll.outcome()) {
            case PENDING -> exchange.oauthError(400, "authorization_pending");
            case SLOW_DOWN -> exchange.oauthError(400, "slow_down");
            case DENIED -> exchange.oauthError(400, "access_denied");
            case INVALID -> exchange.oauthError(400, "invalid device code");
            case APPROVED -> exchange.json(200, userGrant(tokens.issueDeviceGrant(clientId, poll.scopes())));
            default -> throw new IllegalStateException("unhandled poll outcome " + poll.outcome());
        }
    }

    /**
     * {@code GET /activate}: twitch.tv's activation page. With a code ({@code user_code} or Twitch's
     * own {@code device-code} parameter) the simulated user approves it at once, or refuses it with
     * {@code action=deny}; without one, a form asks for the code.
     */
    void activate(Exchange exchange) throws IOException {
        String code = exchange.param("user_code") != null ? exchange.param("user_code") : exchange.param("device-code");
        if (code == null || code.isBlank()) {
            exchange.html(200, page("Activate your device",
                    "<form method=\"get\" action=\"/activate\"><label>Code <input name=\"user_code\"></label>"
                            + "<button>Authorize</button></form>"));
            return;
        }
        boolean deny = "deny".equalsIgnoreCase(exchange.param("action"));
        boolean done = deny ? devices.deny(code) : devices.approve(code);
        if (!done) {
            exchange.html(404, page("Invalid code", "<p>That code is unknown, expired or already used.</p>"));
        } else if (deny) {
            exchange.html(200, page("Device refused", "<p>You refused access to the device.</p>"));
        } else {
            exchange.html(200, page("Device connected", "<p>Success! Return to your device to continue.</p>"));
        }
    }

    private static String page(String title, String content) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>"
                + content + "</body></html>";
    }

    /** Twitch's device endpoint calls the parameter {@code scopes}; {@code scope} is accepted too. */
    private static List<String> scopes(Exchange exchange) {
        String value = exchange.param("scopes") != null ? exchange.param("scopes") : exchange.param("scope");
        value = value == null ? "" : value.strip();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    private void validate(Exchange exchange) throws IOException {
        if (answeredByFault(exchange, SimEndpoint.OAUTH_VALIDATE)) {
            return;
        }
        String token = oauthToken(exchange.header("Authorization"));
        if (token == null) {
            exchange.oauthError(401, "missing authorization token");
            return;
        }
        Optional<TokenRegistry.TokenInfo> info = tokens.resolve(token);
        if (info.isEmpty()) {
            exchange.oauthError(401, "invalid access token");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", info.get().clientId());
        body.put("login", info.get().login());
        body.put("scopes", info.get().scopes());
        body.put("user_id", info.get().userId());
        body.put("expires_in", Math.max(0, Duration.between(clock.instant(), info.get().expiresAt()).getSeconds()));
        exchange.json(200, body);
    }

    /** Consents immediately: redirects to {@code redirect_uri} with a fresh code and the state. */
    private void authorize(Exchange exchange) throws IOException {
        String clientId = exchange.param("client_id");
        String redirectUri = exchange.param("redirect_uri");
        if (clientId == null || clientId.isBlank() || redirectUri == null || redirectUri.isBlank()) {
            exchange.oauthError(400, "missing client_id or redirect_uri");
            return;
        }
        String scope = exchange.param("scope") == null ? "" : exchange.param("scope").strip();
        List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split("\\s+"));
        String code = tokens.issueCode(clientId, scopes);
        StringBuilder location = new StringBuilder(redirectUri)
                .append(redirectUri.contains("?") ? '&' : '?')
                .append("code=").append(encode(code))
                .append("&scope=").append(encode(scope));
        String state = exchange.param("state");
        if (state != null) {
            location.append("&state=").append(encode(state));
        }
        exchange.redirect(location.toString());
    }

    private void revoke(Exchange exchange) throws IOException {
        String clientId = exchange.param("client_id");
        String token = exchange.param("token");
        if (clientId == null || clientId.isBlank() || token == null || token.isBlank()) {
            exchange.oauthError(400, "Invalid token");
            return;
        }
        tokens.revoke(token);
        exchange.empty(200);
    }

    private static Map<String, Object> userGrant(TokenRegistry.Grant grant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", grant.accessToken());
        body.put("expires_in", grant.expiresInSeconds());
        body.put("refresh_token", grant.refreshToken());
        body.put("scope", grant.scopes());
        body.put("token_type", "bearer");
        return body;
    }

    /** {@code OAuth <token>} as documented, or {@code Bearer <token>}, which Twitch also accepts. */
    private static String oauthToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space);
        String token = value.substring(space + 1).strip();
        boolean known = scheme.equalsIgnoreCase("OAuth") || scheme.equalsIgnoreCase("Bearer");
        return known && !token.isEmpty() ? token : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Applies the endpoint's injected delay; true when an injected failure answered the request. */
    private boolean answeredByFault(Exchange exchange, SimEndpoint endpoint) throws IOException {
        faults.applyDelay(endpoint);
        OptionalInt injected = faults.take(endpoint);
        if (injected.isPresent()) {
            exchange.oauthError(injected.getAsInt(), "injected failure (simulator fault injection)");
            return true;
        }
        return false;
    }

    /** The request's {@code client_id}, or null after answering 400 when it has none. */
    private static String clientId(Exchange exchange) throws IOException {
        String clientId = exchange.param("client_id");
        if (clientId == null || clientId.isBlank()) {
            exchange.oauthError(400, "missing client id");
            return null;
        }
        return clientId;
    }
}
