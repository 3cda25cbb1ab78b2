package dev.streamscout.core.json;

/** A record on a topic or in a file that is not the JSON we expect. */
public final class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String expectedType, Throwable cause) {
        super("not a valid " + expectedType + ": " + cause.getMessage(), cause);
    }
}
