package dev.streamscout.app.auth;

import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenFile;
import dev.streamscout.twitch.auth.TokenGrant;
import dev.streamscout.twitch.auth.TokenValidation;
import dev.streamscout.twitch.auth.UserTokens;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The last step of both login flows: validate the new token with Twitch (so the file never holds
 * a token Twitch does not accept) and write it in the seed format, atomically and owner-only.
 */
public final class TokenFileSeeder {

    private TokenFileSeeder() {}

    /**
     * @return what Twitch says about the token that was written
     * @throws AuthorizationFailedException when Twitch does not accept the token it just issued
     */
    public static TokenValidation save(OAuthClient oauth, TokenGrant grant, Path tokenFile, Clock clock) {
        TokenValidation validation;
        try {
            validation = oauth.validate(grant.accessToken());
        } catch (RuntimeException e) {
            throw new AuthorizationFailedException("Twitch issued a token but does not validate it: " + e.getMessage(), e);
        }
        // Validate's scope list is the authoritative one; the grant's is a fallback.
        List<String> scopes = !validation.scopes().isEmpty() ? validation.scopes() : grant.scopes();
        TokenFile.write(tokenFile, new UserTokens(grant.accessToken(), grant.refreshToken(), scopes, clock.instant()));
        return validation;
    }
}
