package dev.streamscout.job.clip;

import dev.streamscout.twitch.auth.TokenFile;
import dev.streamscout.twitch.auth.UserTokens;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User tokens from the token file that ingest keeps fresh ({@code TWITCH_TOKEN_FILE}). The file is read
 * once and cached; after a 401 it is read again, which picks up a token that ingest has refreshed in
 * the meantime. Refreshing the token itself is left to the owner of the file.
 */
public final class TokenFileAccessTokens implements AccessTokenSource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TokenFileAccessTokens.class);

    private final String file;
    private transient volatile String cached;

    public TokenFileAccessTokens(Path file) {
        this.file = Objects.requireNonNull(file, "file").toString();
    }

    @Override
    public String accessToken() {
        String token = cached;
        return token != null ? token : refresh();
    }

    @Override
    public synchronized String refresh() {
        try {
            cached = TokenFile.read(Path.of(file)).map(UserTokens::accessToken).orElse(null);
        } catch (RuntimeException e) {
            // A half-written or broken file must not fail the job: clips are skipped or fail instead.
            LOG.warn("cannot read Twitch token file {}: {}", file, e.getMessage());
            cached = null;
        }
        return cached;
    }
}
