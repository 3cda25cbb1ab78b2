package dev.streamscout.sim.world;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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

    /**
     * What an access token stands for; {@code issuedAt} is when it was issued (or first seen, lenient
     * mode) and {@code serial} its place in issuing order, which revocation uses so that it works
     * whatever the clock does.
     */
    public record TokenInfo(String token, String clientId, String login, String userId,
                            List<String> scopes, Instant issuedAt, long serial, Instant expiresAt, boolean app) {
        public boolean hasScope(String scope) {
            return scopes.contains(scope);
        }
    }

    /** A token grant as returned by {@code POST /oauth2/token}; refreshToken is null for app tokens. */
    public record Grant(String accessToken, String refreshToken, long expiresInSeconds, List<String> scopes) {}

    /** {@code publicClient}: issued to a client without a secret (device flow), so refreshing needs none. */
    private record RefreshInfo(String clientId, String login, String userId, List<String> scopes,
                               boolean publicClient) {}

    private record CodeInfo(String clientId, List<String> scopes) {}

    private final Clock clock;
    private final boolean acceptAny;
    private final Duration userTokenLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, TokenInfo> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshInfo> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, CodeInfo> codes = new ConcurrentHashMap<>();
    private record FirstSeen(Instant at, long serial) {}

    /** Lenient mode: when each made-up token was first presented, so that it can be expired too. */
    private final Map<String, FirstSeen> lenientFirstSeen = new ConcurrentHashMap<>();
    private final AtomicLong serials = new AtomicLong();
    /** Tokens with a serial below this were revoked. */
    private volatile long revokedBelowSerial;
    /** Access tokens issued (or first seen) before this instant are rejected; null = none. */
    private volatile Instant rejectIssuedBefore;

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
        Instant now = clock.instant();
        accessTokens.put(token, new TokenInfo(token, clientId, null, null, List.of(), now, serials.incrementAndGet(),
                now.plus(APP_TOKEN_LIFETIME), true));
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
        return Optional.of(issueUserToken(clientId, SIM_USER_LOGIN, SIM_USER_ID, scopes, false));
    }

    /** The user token a device code grant ends in: issued to a public client, so refreshable without a secret. */
    public Grant issueDeviceGrant(String clientId, List<String> scopes) {
        return issueUserToken(clientId, SIM_USER_LOGIN, SIM_USER_ID, scopes.isEmpty() ? USER_SCOPES : scopes, true);
    }

    /** Whether this refresh token belongs to a public client (it may be refreshed without a client secret). */
    public boolean isPublicRefreshToken(String refreshToken) {
        RefreshInfo info = refreshToken == null ? null : refreshTokens.get(refreshToken);
        return info != null && info.publicClient();
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
            info = new RefreshInfo(clientId, SIM_USER_LOGIN, SIM_USER_ID, USER_SCOPES, false);
        }
        if (!info.clientId().equals(clientId)) {
            return Optional.empty();
        }
        return Optional.of(issueUserToken(clientId, info.login(), info.userId(), info.scopes(), info.publicClient()));
    }

    /**
     * The token's meaning if it is valid now: issued, unexpired and not issued before the cut-off of
     * {@link #expireIssuedBefore}; in lenient mode also any other token, unless it was first seen
     * before that cut-off. An issued token past its lifetime is rejected in every mode, so that
     * expiry can be tested against a lenient simulator too.
     */
    public Optional<TokenInfo> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant cutoff = rejectIssuedBefore;
        TokenInfo info = accessTokens.get(token);
        if (info != null) {
            boolean fresh = now.isBefore(info.expiresAt()) && info.serial() >= revokedBelowSerial
                    && (cutoff == null || !info.issuedAt().isBefore(cutoff));
            return fresh ? Optional.of(info) : Optional.empty();
        }
        if (acceptAny) {
            FirstSeen firstSeen = lenientFirstSeen.computeIfAbsent(token, t -> new FirstSeen(now, serials.incrementAndGet()));
            if (cutoff != null && firstSeen.at().isBefore(cutoff) || firstSeen.serial() < revokedBelowSerial) {
                return Optional.empty();
            }
            return Optional.of(new TokenInfo(token, ANY_CLIENT_ID, SIM_USER_LOGIN, SIM_USER_ID, USER_SCOPES,
                    firstSeen.at(), firstSeen.serial(), now.plus(userTokenLifetime), false));
        }
        return Optional.empty();
    }

    /**
     * From now on, rejects every access token issued (or, lenient mode, first presented) before
     * {@code instant}, as if they had expired; refresh tokens keep working, so a client that
     * refreshes on 401 recovers.
     */
    public synchronized void expireIssuedBefore(Instant instant) {
        Instant current = rejectIssuedBefore;
        if (current == null || instant.isAfter(current)) {
            rejectIssuedBefore = instant; // a cut-off only ever moves forward
        }
    }

    /** Whether the registry itself issued this token (lenient acceptance aside). */
    public boolean issued(String token) {
        return token != null && accessTokens.containsKey(token);
    }

    /** Forgets one access token (POST /oauth2/revoke). */
    public void revoke(String token) {
        accessTokens.remove(token);
    }

    /**
     * Invalidates every access token issued or presented so far, whatever the clock says; tokens
     * issued afterwards are good, and refresh tokens keep working.
     */
    public void revokeAccessTokens() {
        // Kept in the map (rather than removed) so that lenient mode cannot re-accept them as made-up tokens.
        revokedBelowSerial = serials.get() + 1;
    }

    private Grant issueUserToken(String clientId, String login, String userId, List<String> scopes,
                                 boolean publicClient) {
        String access = randomString(TOKEN_ALPHABET, 30);
        String refresh = randomString(REFRESH_ALPHABET, 50);
        Instant now = clock.instant();
        accessTokens.put(access, new TokenInfo(access, clientId, login, userId, List.copyOf(scopes), now,
                serials.incrementAndGet(), now.plus(userTokenLifetime), false));
        refreshTokens.put(refresh, new RefreshInfo(clientId, login, userId, List.copyOf(scopes), publicClient));
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
