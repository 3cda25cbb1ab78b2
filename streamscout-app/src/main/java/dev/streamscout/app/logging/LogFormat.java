package dev.streamscout.app.logging;

import dev.streamscout.app.config.ConfigException;
import dev.streamscout.app.config.ConfigKey;
import dev.streamscout.app.config.RawConfig;
import java.util.Locale;

/** How log lines are written: for people reading a terminal, or for a log shipper. */
public enum LogFormat {
    /** One human-readable line per event on stderr (the default). */
    TEXT,
    /** One JSON object per line on stdout, for Promtail/Loki and other collectors. */
    JSON;

    /** Reads {@code log.format}, naming the setting and where it came from when it is neither value. */
    public static LogFormat from(RawConfig raw) {
        String value = raw.string(ConfigKey.LOG_FORMAT).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new ConfigException("invalid value '" + raw.string(ConfigKey.LOG_FORMAT) + "' for "
                    + ConfigKey.LOG_FORMAT.key() + " (from " + raw.origin(ConfigKey.LOG_FORMAT) + "): expected text or json");
        };
    }
}
