package dev.streamscout.app.config;

/** A configuration value that cannot be used; the message names the key, the value and the fix. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
