package dev.streamscout.job.clip;

import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.Redact;
import dev.streamscout.twitch.auth.TokenFile;
import dev.streamscout.twitch.auth.UserTokenManager;
import dev.streamscout.twitch.auth.UserTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User tokens (with {@code clips:edit}) from the token file shared with ingest
 * ({@code TWITCH_TOKEN_FILE}).
 *
 * <p>With OAuth settings (the four-argument constructor) the file is kept usable by a
 * {@link UserTokenManager}: on first use in each task the token is validated (and its scopes
 * checked), an expired token is refreshed with the refresh grant before it is handed out, a 401
 * ({@link #refresh()}) refreshes it, and refreshed tokens are written back for ingest to see; a
 * token ingest refreshed meanwhile is adopted rather than refreshed again.
 *
 * <p>Without them (the one-argument constructor) the file is only read: after a 401 it is read
 * again, which picks up a token the file's owner has refreshed.
 *
 * <p>A broken, missing or unusable token never fails the job: {@link #accessToken()} returns
 * {@code null}, so clips are skipped or fail with the reason logged, and setting the token up is
 * tried again a minute later.
 */
public final class TokenFileAccessTokens implements AccessTokenSource {

    private static final long serialVersionUID = 2L;
    private static final Logger LOG = LoggerFactory.getLogger(TokenFileAccessTokens.class);
    /** After a failed start-up validation, wait this long before asking Twitch again. */
    static final Duration RETRY_START_AFTER = Duration.ofMinutes(1);

    private final String file;
    private final String oauthBase;
    private final String clientId;
    private final String clientSecret;

    private transient volatile String cached;
    private transient volatile UserTokenManager manager;
    private transient long retryStartAtNanos;
    private transient boolean startFailed;

    /** Read-only: the file's owner (ingest) refreshes the token; a 401 re-reads the file. */
    public TokenFileAccessTokens(Path file) {
        this.file = Objects.requireNonNull(file, "file").toString();
        this.oauthBase = null;
        this.clientId = null;
        this.clientSecret = null;
    }

    /**
     * Refreshing: validates at first use, refreshes on expiry and on 401, writes refreshed tokens back.
     *
     * @param file         the token file (TWITCH_TOKEN_FILE)
     * @param oauthBase    e.g. {@code https://id.twitch.tv/oauth2}, or the simulator's
     * @param clientId     TWITCH_CLIENT_ID (the client the token was issued to)
     * @param clientSecret TWITCH_CLIENT_SECRET (the refresh grant needs it)
     */
    public TokenFileAccessTokens(Path file, URI oauthBase, String clientId, String clientSecret) {
        this.file = Objects.requireNonNull(file, "file").toString();
        this.oauthBase = Objects.requireNonNull(oauthBase, "oauthBase").toString();
        this.clientId = requireNonBlank(clientId, "clientId (TWITCH_CLIENT_ID)");
        this.clientSecret = requireNonBlank(clientSecret, "clientSecret (TWITCH_CLIENT_SECRET)");
    }

    /** Whether this source refreshes tokens itself (it was given the OAuth settings). */
    public boolean refreshesTokens() {
        return oauthBase != null;
    }

    @Override
    public String accessToken() {
        if (!refreshesTokens()) {
            String token = cached;
            return token != null ? token : refresh();
        }
        UserTokenManager m = manager();
        if (m == null) {
            return null;
        }
        try {
            return m.get();
        } catch (RuntimeException e) {
            LOG.warn("No usable Twitch user token for clips: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public String refresh() {
        if (!refreshesTokens()) {
            return reread();
        }
        UserTokenManager m = manager();
        if (m == null) {
            return null;
        }
        try {
            m.renewAfterRejection(m.tokens().accessToken());
            String token = m.get();
            LOG.info("Twitch user token for clips is now {}", Redact.mask(token));
            return token;
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the Twitch user token for clips: {}", e.getMessage());
            return null;
        }
    }

    private synchronized String reread() {
        try {
            cached = TokenFile.read(Path.of(file)).map(UserTokens::accessToken).orElse(null);
        } catch (RuntimeException e) {
            // A half-written or broken file must not fail the job: clips are skipped or fail instead.
            LOG.warn("cannot read Twitch token file {}: {}", file, e.getMessage());
            cached = null;
        }
        return cached;
    }

    /** The started manager, or null while start-up validation fails (tried again after a minute). */
    private synchronized UserTokenManager manager() {
        if (manager != null) {
            return manager;
        }
        if (startFailed && System.nanoTime() - retryStartAtNanos < 0) {
            return null;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(OAuthClient.DEFAULT_REQUEST_TIMEOUT).build();
        UserTokenManager m = new UserTokenManager(Path.of(file),
                new OAuthClient(URI.create(oauthBase), clientId, clientSecret, http), Clock.systemUTC(),
                List.of(UserTokenManager.CLIPS_SCOPE));
        try {
            m.start();
            manager = m;
            startFailed = false;
            return m;
        } catch (RuntimeException e) {
            startFailed = true;
            retryStartAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_START_AFTER.toMillis());
            LOG.error("Clips are disabled until the Twitch user token works: {}", e.getMessage());
            return null;
        }
    }

    private static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
