package dev.streamscout.twitch.auth;

/** The token file exists but cannot be read or written; the message names the file and the fix. */
public final class TokenFileException extends RuntimeException {

    public TokenFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
