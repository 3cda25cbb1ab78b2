package dev.streamscout.app.config;

import dev.streamscout.twitch.auth.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The typed, immutable configuration, parsed once at start-up. Every value is validated here so
 * that a bad setting stops the program with a message naming it, before anything starts.
 */
public record StreamScoutConfig(
        Path dataDir,
        int httpPort,
        Optional<String> kafkaBootstrapServers,
        int embeddedKafkaPort,
        String chatTopic,
        int chatTopicPartitions,
        String lifecycleTopic,
        int lifecycleTopicPartitions,
        Optional<String> postgresUrl,
        String postgresUser,
        String postgresPassword,
        String twitchClientId,
        String twitchClientSecret,
        Path twitchTokenFile,
        String twitchHelixUrl,
        String twitchOauthUrl,
        String twitchIrcHost,
        int twitchIrcPort,
        int joinThreshold,
        int leaveThreshold,
        Duration pollInterval,
        double detectorK,
        int detectorWindowSeconds,
        Duration detectorCooldown,
        boolean clipsEnabled,
        int flinkParallelism,
        int flinkWebPort,
        int flinkPrometheusPort,
        String logLevel) {

    private static final int MAX_PORT = 65535;

    public static StreamScoutConfig from(RawConfig raw) {
        int join = raw.integer(ConfigKey.JOIN_THRESHOLD, 1, 1000);
        int leave = raw.integer(ConfigKey.LEAVE_THRESHOLD, 1, 1000);
        if (leave < join) {
            throw new ConfigException("LEAVE_THRESHOLD (" + leave + ", from " + raw.origin(ConfigKey.LEAVE_THRESHOLD)
                    + ") must be at least JOIN_THRESHOLD (" + join + "): a channel must be able to stay joined"
                    + " after it is joined");
        }
        String level = raw.string(ConfigKey.LOG_LEVEL).toUpperCase(java.util.Locale.ROOT);
        if (!level.matches("TRACE|DEBUG|INFO|WARN|ERROR|OFF")) {
            throw new ConfigException("invalid value '" + raw.string(ConfigKey.LOG_LEVEL) + "' for log.level (from "
                    + raw.origin(ConfigKey.LOG_LEVEL) + "): expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
        }
        return new StreamScoutConfig(
                Path.of(raw.string(ConfigKey.DATA_DIR)),
                raw.integer(ConfigKey.HTTP_PORT, 0, MAX_PORT),
                optional(raw.string(ConfigKey.KAFKA_BOOTSTRAP_SERVERS)),
                raw.integer(ConfigKey.KAFKA_EMBEDDED_PORT, 0, MAX_PORT),
                nonBlank(raw, ConfigKey.CHAT_TOPIC),
                raw.integer(ConfigKey.CHAT_TOPIC_PARTITIONS, 1, 10_000),
                nonBlank(raw, ConfigKey.LIFECYCLE_TOPIC),
                raw.integer(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, 1, 10_000),
                optional(raw.string(ConfigKey.POSTGRES_URL)),
                raw.string(ConfigKey.POSTGRES_USER),
                raw.string(ConfigKey.POSTGRES_PASSWORD),
                raw.string(ConfigKey.TWITCH_CLIENT_ID),
                raw.string(ConfigKey.TWITCH_CLIENT_SECRET),
                Path.of(raw.string(ConfigKey.TWITCH_TOKEN_FILE)),
                nonBlank(raw, ConfigKey.TWITCH_HELIX_URL),
                nonBlank(raw, ConfigKey.TWITCH_OAUTH_URL),
                nonBlank(raw, ConfigKey.TWITCH_IRC_HOST),
                raw.integer(ConfigKey.TWITCH_IRC_PORT, 1, MAX_PORT),
                join,
                leave,
                raw.duration(ConfigKey.POLL_INTERVAL, Duration.ofSeconds(1)),
                raw.decimal(ConfigKey.DETECTOR_K, 0.0, 100.0),
                raw.integer(ConfigKey.DETECTOR_WINDOW_SECONDS, 1, 3600),
                raw.duration(ConfigKey.DETECTOR_COOLDOWN, Duration.ZERO),
                raw.bool(ConfigKey.CLIPS_ENABLED),
                raw.integer(ConfigKey.FLINK_PARALLELISM, 1, 1024),
                raw.integer(ConfigKey.FLINK_WEB_PORT, 0, MAX_PORT),
                raw.integer(ConfigKey.FLINK_PROMETHEUS_PORT, 0, MAX_PORT),
                level);
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String nonBlank(RawConfig raw, ConfigKey key) {
        String value = raw.string(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException(key.key() + " (from " + raw.origin(key) + ") must not be empty");
        }
        return value;
    }

    /** Hides the password in {@code scheme://user:password@host/...} and {@code ?password=} URLs. */
    static String maskUrl(String url) {
        return url.replaceAll("(//[^:/@]+:)[^@]*@", "$1****@").replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    /** The secret-bearing fields masked, for start-up logging. */
    @Override
    public String toString() {
        return "StreamScoutConfig[dataDir=" + dataDir + ", httpPort=" + httpPort
                + ", kafka=" + kafkaBootstrapServers.orElse("embedded:" + embeddedKafkaPort)
                + ", database=" + postgresUrl.map(StreamScoutConfig::maskUrl).orElse("H2 under data dir")
                + ", twitchClientId=" + Secrets.mask(twitchClientId)
                + ", twitchClientSecret=" + Secrets.mask(twitchClientSecret)
                + ", tokenFile=" + twitchTokenFile + ", helix=" + twitchHelixUrl + ", irc=" + twitchIrcHost + ":" + twitchIrcPort
                + ", join/leave=" + joinThreshold + "/" + leaveThreshold + ", poll=" + pollInterval
                + ", k=" + detectorK + ", window=" + detectorWindowSeconds + "s, cooldown=" + detectorCooldown
                + ", clips=" + clipsEnabled + ", parallelism=" + flinkParallelism + "]";
    }
}
