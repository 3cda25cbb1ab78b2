package dev.streamscout.app.auth;

/**
 * {@code streamscout auth} did not end with a token: the user refused, the code expired, the
 * exchange failed or nobody answered in time. The message says what happened and what to do; it
 * never holds a secret.
 */
public final class AuthorizationFailedException extends RuntimeException {

    public AuthorizationFailedException(String message) {
        super(message);
    }

    public AuthorizationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
