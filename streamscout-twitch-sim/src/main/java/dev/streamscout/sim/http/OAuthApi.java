package dev.streamscout.sim.http;

import dev.streamscout.sim.SimEndpoint;
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
 * The simulated id.twitch.tv: the three token grants, validate, revoke and an authorize page that
 * consents at once (redirecting with a code), so the whole authorization-code flow runs offline.
 * Parameters are read from the query string and from a form body, as Twitch accepts both.
 */
final class OAuthApi {

    private final TokenRegistry tokens;
    private final FaultInjector faults;
    private final Clock clock;

    OAuthApi(TokenRegistry tokens, FaultInjector faults, Clock clock) {
        this.tokens = tokens;
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
        OptionalInt injected = faults.take(SimEndpoint.OAUTH_TOKEN);
        if (injected.isPresent()) {
            exchange.oauthError(injected.getAsInt(), "injected failure (simulator fault injection)");
            return;
        }
        String clientId = exchange.param("client_id");
        if (clientId == null || clientId.isBlank()) {
            exchange.oauthError(400, "missing client id");
            return;
        }
        String secret = exchange.param("client_secret");
        if (secret == null || secret.isBlank()) {
            exchange.oauthError(403, "invalid client secret");
            return;
        }
        String grantType = exchange.param("grant_type");
        if (grantType == null) {
            exchange.oauthError(400, "missing grant type");
            return;
        }
        switch (grantType) {
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

    private void validate(Exchange exchange) throws IOException {
        OptionalInt injected = faults.take(SimEndpoint.OAUTH_VALIDATE);
        if (injected.isPresent()) {
            exchange.oauthError(injected.getAsInt(), "injected failure (simulator fault injection)");
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
}
