package dev.streamscout.app.wiring;

/** A part of StreamScout could not start; the message names the part and the fix where one is known. */
public final class StartupException extends RuntimeException {

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
