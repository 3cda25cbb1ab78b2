package dev.streamscout.twitch.auth;

/**
 * The Twitch OAuth server refused or failed a token request. {@link #status()} is the HTTP status,
 * or 0 when no response arrived. The message never contains a secret.
 */
public final class TokenRequestException extends RuntimeException {

    private final int status;

    public TokenRequestException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
