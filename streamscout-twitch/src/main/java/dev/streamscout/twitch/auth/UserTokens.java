package dev.streamscout.twitch.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's OAuth tokens as kept in the token file ({@code TWITCH_TOKEN_FILE}).
 *
 * @param accessToken  user access token (needs {@code chat:read}, {@code clips:edit})
 * @param refreshToken refresh token, empty if none
 * @param scopes       granted scopes
 * @param createdAt    when the access token was obtained, or {@code null} if unknown
 */
public record UserTokens(String accessToken, String refreshToken, List<String> scopes, Instant createdAt) {

    public UserTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        refreshToken = refreshToken == null ? "" : refreshToken;
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** Masks both tokens: this record ends up in log lines. */
    @Override
    public String toString() {
        return "UserTokens[accessToken=" + Redact.mask(accessToken) + ", refreshToken=" + Redact.mask(refreshToken)
                + ", scopes=" + scopes + ", createdAt=" + createdAt + "]";
    }
}
