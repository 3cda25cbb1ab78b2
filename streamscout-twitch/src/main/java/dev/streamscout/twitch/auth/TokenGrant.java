package dev.streamscout.twitch.auth;

import java.util.List;
import java.util.Objects;

/**
 * A successful answer of {@code POST /oauth2/token} for a user token (authorization code, device
 * code or refresh grant).
 *
 * @param accessToken      the new access token
 * @param refreshToken     the refresh token to keep: it may differ from the one sent (rotation); empty if none
 * @param expiresInSeconds lifetime from now, or 0 when the server did not say
 * @param scopes           granted scopes (Twitch sends a JSON array), empty if not given
 */
public record TokenGrant(String accessToken, String refreshToken, long expiresInSeconds, List<String> scopes) {

    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        refreshToken = refreshToken == null ? "" : refreshToken;
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Masks both tokens: this record may end up in log lines. */
    @Override
    public String toString() {
        return "TokenGrant[accessToken=" + Redact.mask(accessToken) + ", refreshToken=" + Redact.mask(refreshToken)
                + ", expiresIn=" + expiresInSeconds + "s, scopes=" + scopes + "]";
    }
}
