package dev.streamscout.twitch.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user access token kept in the token file ({@code TWITCH_TOKEN_FILE}, seed format) and kept
 * usable: validated at start-up ({@link #start()}) and hourly ({@link #validateEvery}), refreshed
 * with the refresh grant when it has expired and when Twitch rejects it, and written back to the
 * file atomically (owner-only) after every refresh, rotated refresh token included.
 *
 * <p>The file is shared by processes (ingest and the Flink job): before refreshing, the file is
 * read again, and a token another process has refreshed meanwhile is adopted instead of refreshing
 * once more. Thread-safe: {@link #get()} is a volatile read in the common case, and one refresh at
 * a time runs under a lock; callers that saw the same rejected token wait for that one refresh.
 * Redact appear in logs and messages as their first four characters at most.
 */
public final class UserTokenManager implements RenewableToken, AutoCloseable {

    /** Twitch: "validate the OAuth token when it starts and on an hourly basis thereafter". */
    public static final Duration VALIDATION_INTERVAL = Duration.ofHours(1);
    /** Refresh this long before the known expiry (or at half the lifetime for short-lived tokens). */
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    /** Scopes StreamScout asks for; {@code clips:edit} is required to create clips. */
    public static final List<String> SCOPES = List.of("chat:read", "clips:edit");
    public static final String CLIPS_SCOPE = "clips:edit";

    private static final Logger LOG = LoggerFactory.getLogger(UserTokenManager.class);

    private final Path file;
    private final OAuthClient oauth;
    private final Clock clock;
    private final List<String> requiredScopes;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile UserTokens tokens;
    /** When the current token must be refreshed; {@code null} while its lifetime is unknown. */
    private volatile Instant refreshAt;
    private volatile TokenValidation lastValidation;
    private volatile long refreshes;
    private volatile long validations;
    private ScheduledFuture<?> periodicValidation;

    /**
     * @param tokenFile      the token file (from TWITCH_TOKEN_FILE)
     * @param oauth          client of the OAuth server the token came from
     * @param clock          time source for expiry (tests pass a movable clock)
     * @param requiredScopes scopes the token must have, checked at start-up (usually {@link #CLIPS_SCOPE})
     */
    public UserTokenManager(Path tokenFile, OAuthClient oauth, Clock clock, List<String> requiredScopes) {
        this.file = Objects.requireNonNull(tokenFile, "tokenFile");
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requiredScopes = List.copyOf(requiredScopes);
    }

    /** Requires {@code clips:edit}, on the system clock. */
    public UserTokenManager(Path tokenFile, OAuthClient oauth) {
        this(tokenFile, oauth, Clock.systemUTC(), List.of(CLIPS_SCOPE));
    }

    /**
     * Loads the file and validates the token, refreshing it once if Twitch rejects it, then checks
     * the required scopes.
     *
     * @return what Twitch said about the (possibly refreshed) token
     * @throws UserTokenException when the file is missing or malformed, the token cannot be made
     *                            valid, or it lacks a required scope; the message says what to do
     * @throws TokenRequestException when the OAuth server cannot be reached (worth retrying later)
     */
    public TokenValidation start() {
        lock.lock();
        try {
            tokens = readFile();
            refreshAt = null;
            TokenValidation validation = validateLocked();
            List<String> missing = requiredScopes.stream().filter(s -> !validation.hasScope(s)).toList();
            if (!missing.isEmpty()) {
                throw new UserTokenException("the Twitch user token in " + file + " (TWITCH_TOKEN_FILE) lacks the scope"
                        + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " (it has "
                        + validation.scopes() + "); run `streamscout auth` to authorize "
                        + String.join(" and ", SCOPES) + " again");
            }
            if (validation.clientId() != null && !validation.clientId().equals(oauth.clientId())) {
                LOG.warn("The Twitch user token in {} was issued to client id {}, not to TWITCH_CLIENT_ID {}; Helix will "
                        + "reject it: run `streamscout auth` with this client id", file,
                        Redact.mask(validation.clientId()), Redact.mask(oauth.clientId()));
            }
            LOG.info("Twitch user token {} for {} is valid for {} s, scopes {}", Redact.mask(tokens.accessToken()),
                    validation.login(), validation.expiresInSeconds(), validation.scopes());
            return validation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Validates the token every {@code interval} on {@code scheduler} (Twitch asks for hourly,
     * {@link #VALIDATION_INTERVAL}); a rejected token is refreshed. Failures are logged, never thrown:
     * the next request's 401 handling still applies. Stopped by {@link #close()}.
     */
    public void validateEvery(ScheduledExecutorService scheduler, Duration interval) {
        long ms = interval.toMillis();
        if (ms <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        lock.lock();
        try {
            if (periodicValidation != null) {
                periodicValidation.cancel(false);
            }
            periodicValidation = scheduler.scheduleAtFixedRate(this::validateQuietly, ms, ms, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** The current access token, refreshed first when its known lifetime is (nearly) over. */
    @Override
    public String get() {
        UserTokens current = requireStarted();
        Instant due = refreshAt;
        if (due != null && !clock.instant().isBefore(due)) {
            lock.lock();
            try {
                // Another thread may have refreshed while this one waited for the lock.
                Instant again = refreshAt;
                if (tokens == current && again != null && !clock.instant().isBefore(again)) {
                    LOG.info("Twitch user token {} has expired; refreshing it", Redact.mask(current.accessToken()));
                    refreshLocked(current.accessToken());
                }
                return tokens.accessToken();
            } finally {
                lock.unlock();
            }
        }
        return current.accessToken();
    }

    /** Same as {@link #get()}. */
    public String accessToken() {
        return get();
    }

    /**
     * After a 401: refreshes the token unless it already changed since {@code rejectedToken} was
     * handed out (another caller refreshed it, or another process did and wrote the file).
     *
     * @throws UserTokenException when the refresh token is refused
     */
    @Override
    public void renewAfterRejection(String rejectedToken) {
        requireStarted();
        lock.lock();
        try {
            if (tokens.accessToken().equals(strip(rejectedToken))) {
                LOG.info("Twitch rejected user token {}; refreshing it", Redact.mask(rejectedToken));
                refreshLocked(tokens.accessToken());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks {@code /oauth2/validate} about the current token; a rejected token is refreshed and
     * validated again (once).
     */
    public TokenValidation validate() {
        requireStarted();
        lock.lock();
        try {
            return validateLocked();
        } finally {
            lock.unlock();
        }
    }

    /** The token file this manager keeps. */
    public Path file() {
        return file;
    }

    /** The tokens as last loaded or refreshed (masked in {@code toString()}). */
    public UserTokens tokens() {
        return requireStarted();
    }

    /** The last successful validation, if any. */
    public Optional<TokenValidation> lastValidation() {
        return Optional.ofNullable(lastValidation);
    }

    /** Tokens refreshed (and written back) so far, for metrics and tests. */
    public long refreshCount() {
        return refreshes;
    }

    /** Validations sent so far (for metrics and tests). */
    public long validationCount() {
        return validations;
    }

    /** Stops the periodic validation; the scheduler itself belongs to the caller. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (periodicValidation != null) {
                periodicValidation.cancel(false);
                periodicValidation = null;
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- under the lock ---------------------------------------------------------------------------

    private TokenValidation validateLocked() {
        try {
            return recordValidation(oauth.validate(tokens.accessToken()));
        } catch (TokenRequestException e) {
            if (e.status() != 401) {
                throw e;
            }
        }
        LOG.info("Twitch says user token {} is invalid or expired; refreshing it", Redact.mask(tokens.accessToken()));
        refreshLocked(tokens.accessToken());
        // The refreshed token is validated too, so that its login, scopes and lifetime are known.
        try {
            return recordValidation(oauth.validate(tokens.accessToken()));
        } catch (TokenRequestException e) {
            if (e.status() == 401) {
                throw new UserTokenException("Twitch rejects the refreshed user token from " + file
                        + " (TWITCH_TOKEN_FILE); run `streamscout auth` to authorize again", e);
            }
            throw e;
        }
    }

    private TokenValidation recordValidation(TokenValidation validation) {
        validations++;
        lastValidation = validation;
        if (validation.expiresInSeconds() > 0) {
            refreshAt = dueTime(validation.expiresInSeconds());
        }
        return validation;
    }

    /**
     * Refreshes {@code staleToken}: adopts a newer token from the file if another process wrote one,
     * else sends the refresh grant and writes the result back.
     */
    private void refreshLocked(String staleToken) {
        UserTokens onDisk = readFileQuietly();
        if (onDisk != null && !onDisk.accessToken().equals(staleToken) && adoptIfValid(onDisk)) {
            return;
        }
        UserTokens base = onDisk != null ? onDisk : tokens;
        if (base.refreshToken().isBlank()) {
            throw new UserTokenException("the Twitch user token in " + file + " (TWITCH_TOKEN_FILE) has expired or was "
                    + "rejected and the file holds no refresh token; run `streamscout auth` to create it again");
        }
        TokenGrant grant;
        try {
            grant = oauth.refresh(base.refreshToken());
        } catch (TokenRequestException e) {
            if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                throw new UserTokenException("Twitch refused to refresh the user token from " + file
                        + " (TWITCH_TOKEN_FILE): " + e.getMessage() + "; run `streamscout auth` to authorize again", e);
            }
            throw e;
        }
        List<String> scopes = grant.scopes().isEmpty() ? base.scopes() : grant.scopes();
        UserTokens renewed = new UserTokens(grant.accessToken(), grant.refreshToken().isBlank()
                ? base.refreshToken() : grant.refreshToken(), scopes, clock.instant());
        TokenFile.write(file, renewed);
        tokens = renewed;
        refreshAt = grant.expiresInSeconds() > 0 ? dueTime(grant.expiresInSeconds()) : null;
        refreshes++;
        LOG.info("Refreshed Twitch user token: now {}{}, written to {}", Redact.mask(renewed.accessToken()),
                renewed.refreshToken().equals(base.refreshToken()) ? "" : " (refresh token rotated)", file);
    }

    /** Takes the file's token when Twitch accepts it; a network failure here falls back to refreshing. */
    private boolean adoptIfValid(UserTokens onDisk) {
        try {
            TokenValidation validation = oauth.validate(onDisk.accessToken());
            tokens = onDisk;
            recordValidation(validation);
            LOG.info("Adopted Twitch user token {} that another process wrote to {}", Redact.mask(onDisk.accessToken()),
                    file);
            return true;
        } catch (TokenRequestException e) {
            return false;
        }
    }

    private Instant dueTime(long expiresInSeconds) {
        Duration lifetime = Duration.ofSeconds(expiresInSeconds);
        Duration margin = lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
        return clock.instant().plus(lifetime).minus(margin);
    }

    private void validateQuietly() {
        try {
            TokenValidation v = validate();
            LOG.debug("Hourly validation: Twitch user token {} valid for {} s", Redact.mask(tokens.accessToken()),
                    v.expiresInSeconds());
        } catch (RuntimeException e) {
            // A scheduled task that throws is cancelled by the executor: log and keep validating.
            LOG.error("Validating the Twitch user token failed: {}", e.getMessage());
        }
    }

    private UserTokens readFile() {
        Optional<UserTokens> read;
        try {
            read = TokenFile.read(file);
        } catch (TokenFileException e) {
            throw new UserTokenException(e.getMessage(), e);
        }
        return read.orElseThrow(() -> new UserTokenException("no Twitch user token file at " + file.toAbsolutePath()
                + " (set by TWITCH_TOKEN_FILE, default ./secrets/twitch_user_tokens.json); run `streamscout auth` "
                + "to create it"));
    }

    private UserTokens readFileQuietly() {
        try {
            return TokenFile.read(file).orElse(null);
        } catch (TokenFileException e) {
            LOG.warn("Ignoring unreadable token file while refreshing: {}", e.getMessage());
            return null;
        }
    }

    private UserTokens requireStarted() {
        UserTokens current = tokens;
        if (current == null) {
            throw new IllegalStateException("UserTokenManager.start() was not called (or failed)");
        }
        return current;
    }

    private static String strip(String token) {
        return token != null && token.startsWith("oauth:") ? token.substring("oauth:".length()) : token;
    }
}
