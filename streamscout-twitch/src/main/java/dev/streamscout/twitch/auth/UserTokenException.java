package dev.streamscout.twitch.auth;

/**
 * The user token cannot be used: the token file is missing or malformed, the token was rejected
 * and could not be refreshed, or it lacks a required scope. The message names the file, the
 * variable ({@code TWITCH_TOKEN_FILE}) and the fix ({@code streamscout auth}); it never holds a
 * secret beyond four characters.
 */
public final class UserTokenException extends RuntimeException {

    public UserTokenException(String message, Throwable cause) {
        super(message, cause);
    }

    public UserTokenException(String message) {
        super(message);
    }
}
