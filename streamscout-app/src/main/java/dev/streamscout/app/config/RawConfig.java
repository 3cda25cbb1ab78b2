package dev.streamscout.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Configuration values as strings, merged from the sources in precedence order (later wins):
 * built-in defaults, a properties file, environment variables, command-line overrides.
 *
 * <p>Remembers where each value came from so that an error can say which setting to fix.
 */
public final class RawConfig {

    private final Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, String> origins = new EnumMap<>(ConfigKey.class);

    private RawConfig() {
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, key.defaultValue());
            origins.put(key, "default");
        }
    }

    /**
     * Loads the file (if given, it must exist; if null, {@code ./streamscout.properties} is read when
     * present), then the environment, then the overrides.
     */
    public static RawConfig load(Path file, Map<String, String> env, Map<ConfigKey, String> overrides) {
        RawConfig config = new RawConfig();
        Path properties = file != null ? file : Path.of("streamscout.properties");
        if (file != null && !Files.isRegularFile(file)) {
            throw new ConfigException("configuration file " + file + " does not exist; pass an existing file to --config");
        }
        if (Files.isRegularFile(properties)) {
            config.readProperties(properties);
        }
        for (ConfigKey key : ConfigKey.values()) {
            for (String var : key.envVars()) {
                String value = env.get(var);
                if (value != null && !value.isBlank()) {
                    config.set(key, value.trim(), "environment variable " + var);
                    break;
                }
            }
        }
        overrides.forEach((key, value) -> config.set(key, value, "command-line option"));
        return config;
    }

    public static RawConfig defaults() {
        return new RawConfig();
    }

    private void readProperties(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        for (String name : props.stringPropertyNames()) {
            ConfigKey key = ConfigKey.byKey(name).orElseThrow(() -> new ConfigException(
                    "unknown key '" + name + "' in " + file + "; the keys are listed in docs/configuration.md"));
            set(key, props.getProperty(name).trim(), file.toString());
        }
    }

    private void set(ConfigKey key, String value, String origin) {
        values.put(key, value);
        origins.put(key, origin);
    }

    public String string(ConfigKey key) {
        return values.get(key);
    }

    public String origin(ConfigKey key) {
        return origins.get(key);
    }

    public int integer(ConfigKey key, int min, int max) {
        String value = string(key);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw invalid(key, "a whole number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number from " + min + " to " + max);
        }
    }

    public double decimal(ConfigKey key, double min, double max) {
        String value = string(key);
        try {
            double parsed = Double.parseDouble(value);
            if (!(parsed >= min && parsed <= max)) {
                throw invalid(key, "a number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, "a number from " + min + " to " + max);
        }
    }

    public boolean bool(ConfigKey key) {
        String value = string(key).toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, "true or false");
        };
    }

    /** A duration as ISO-8601 ({@code PT30S}) or a plain number of seconds ({@code 30}, {@code 2.5}). */
    public Duration duration(ConfigKey key, Duration min) {
        String value = string(key);
        Duration parsed;
        try {
            parsed = value.matches("\\d+(\\.\\d+)?")
                    ? Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000))
                    : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(key, "an ISO-8601 duration such as PT30S, or a number of seconds");
        }
        if (parsed.compareTo(min) < 0) {
            throw invalid(key, "a duration of at least " + min.toMillis() + " ms");
        }
        return parsed;
    }

    private ConfigException invalid(ConfigKey key, String expected) {
        return new ConfigException("invalid value '" + string(key) + "' for " + key.key() + " (from " + origin(key)
                + "): expected " + expected);
    }
}
