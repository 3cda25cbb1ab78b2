package dev.streamscout.sim.world;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens, refresh tokens and authorization codes issued by the simulated id.twitch.tv.
 *
 * <p>In lenient mode ({@code acceptAnyToken}) any non-empty token or code is also accepted and
 * treated as a user token of {@link #SIM_USER_LOGIN} with every scope, so that a client configured
 * with a made-up token works against the simulator out of the box.
 */
public final class TokenRegistry {

    /** The account that "authorizes" the app in the simulated authorization-code flow. */
    public static final String SIM_USER_LOGIN = "streamscoutbot";
    public static final String SIM_USER_ID = "591034872";
    /** Client id reported for tokens the registry did not issue (lenient mode only). */
    public static final String ANY_CLIENT_ID = "simclient0000000000000000000000";
    public static final List<String> USER_SCOPES = List.of("chat:read", "clips:edit");
    /** App tokens live about two months, like the example in Twitch's docs. */
    private static final Duration APP_TOKEN_LIFETIME = Duration.ofSeconds(5_011_271);

    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Refresh tokens carry %, / and = like real ones, so clients must URL-encode them. */
    private static final String REFRESH_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%/=";

    /** What an access token stands for. */
    public record TokenInfo(String token, String clientId, String login, String userId,
                            List<String> scopes, Instant expiresAt, boolean app) {
        public boolean hasScope(String scope) {
            return scopes.contains(scope);
        }
    }

    /** A token grant as returned by {@code POST /oauth2/token}; refreshToken is null for app tokens. */
    public record Grant(String accessToken, String refreshToken, long expiresInSeconds, List<String> scopes) {}

    private record RefreshInfo(String clientId, String login, String userId, List<String> scopes) {}

    private record CodeInfo(String clientId, List<String> scopes) {}

    private final Clock clock;
    private final boolean acceptAny;
    private final Duration userTokenLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, TokenInfo> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshInfo> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, CodeInfo> codes = new ConcurrentHashMap<>();

    public TokenRegistry(Clock clock, boolean acceptAny, Duration userTokenLifetime) {
        this.clock = clock;
        this.acceptAny = acceptAny;
        this.userTokenLifetime = userTokenLifetime;
    }

    public boolean acceptsAnyToken() {
        return acceptAny;
    }

    public Grant issueAppToken(String clientId) {
        String token = randomString(TOKEN_ALPHABET, 30);
        Instant expiresAt = clock.instant().plus(APP_TOKEN_LIFETIME);
        accessTokens.put(token, new TokenInfo(token, clientId, null, null, List.of(), expiresAt, true));
        return new Grant(token, null, APP_TOKEN_LIFETIME.getSeconds(), List.of());
    }

    /** An authorization code for the simulated user, as the authorize redirect would carry it. */
    public String issueCode(String clientId, List<String> scopes) {
        String code = randomString(TOKEN_ALPHABET, 30);
        codes.put(code, new CodeInfo(clientId, scopes.isEmpty() ? USER_SCOPES : List.copyOf(scopes)));
        return code;
    }

    /** Exchanges a code (single use) for a user token; empty if the code is not valid. */
    public Optional<Grant> redeemCode(String clientId, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        CodeInfo info = codes.remove(code);
        if (info == null && !acceptAny) {
            return Optional.empty();
        }
        if (info != null && !info.clientId().equals(clientId)) {
            return Optional.empty();
        }
        List<String> scopes = info == null ? USER_SCOPES : info.scopes();
        return Optional.of(issueUserToken(clientId, SIM_USER_LOGIN, SIM_USER_ID, scopes));
    }

    /** A new access token and a rotated refresh token; the old refresh token keeps working. */
    public Optional<Grant> refresh(String clientId, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Optional.empty();
        }
        RefreshInfo info = refreshTokens.get(refreshToken);
        if (info == null) {
            if (!acceptAny) {
                return Optional.empty();
            }
            info = new RefreshInfo(clientId, SIM_USER_LOGIN, SIM_USER_ID, USER_SCOPES);
        }
        if (!info.clientId().equals(clientId)) {
            return Optional.empty();
        }
        return Optional.of(issueUserToken(clientId, info.login(), info.userId(), info.scopes()));
    }

    /** The token's meaning if it is valid now (issued and unexpired, or anything in lenient mode). */
    public Optional<TokenInfo> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        TokenInfo info = accessTokens.get(token);
        if (info != null && clock.instant().isBefore(info.expiresAt())) {
            return Optional.of(info);
        }
        if (acceptAny) {
            return Optional.of(new TokenInfo(token, ANY_CLIENT_ID, SIM_USER_LOGIN, SIM_USER_ID, USER_SCOPES,
                    clock.instant().plus(userTokenLifetime), false));
        }
        return Optional.empty();
    }

    /** Whether the registry itself issued this token (lenient acceptance aside). */
    public boolean issued(String token) {
        return token != null && accessTokens.containsKey(token);
    }

    /** Forgets one access token (POST /oauth2/revoke). */
    public void revoke(String token) {
        accessTokens.remove(token);
    }

    /** Invalidates every issued access token; refresh tokens keep working. */
    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    private Grant issueUserToken(String clientId, String login, String userId, List<String> scopes) {
        String access = randomString(TOKEN_ALPHABET, 30);
        String refresh = randomString(REFRESH_ALPHABET, 50);
        Instant expiresAt = clock.instant().plus(userTokenLifetime);
        accessTokens.put(access, new TokenInfo(access, clientId, login, userId, List.copyOf(scopes), expiresAt, false));
        refreshTokens.put(refresh, new RefreshInfo(clientId, login, userId, List.copyOf(scopes)));
        return new Grant(access, refresh, userTokenLifetime.getSeconds(), List.copyOf(scopes));
    }

    private String randomString(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
