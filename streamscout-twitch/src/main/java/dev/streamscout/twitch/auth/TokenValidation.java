package dev.streamscout.twitch.auth;

import java.util.List;

/**
 * What {@code GET /oauth2/validate} says about a token.
 *
 * @param clientId         the application the token was issued to
 * @param login            the user's login, or {@code null} for an app token
 * @param userId           the user's id, or {@code null} for an app token
 * @param scopes           granted scopes (empty when none or not given)
 * @param expiresInSeconds seconds from now until the token expires (0 when the server did not say)
 */
public record TokenValidation(String clientId, String login, String userId, List<String> scopes,
        long expiresInSeconds) {

    public TokenValidation {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
