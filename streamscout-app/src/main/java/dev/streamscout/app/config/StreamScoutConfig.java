package dev.streamscout.app.config;

import dev.streamscout.store.PoolSettings;
import dev.streamscout.twitch.auth.Redact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The typed, immutable configuration, parsed once at start-up. Every value is validated here so
 * that a bad setting stops the program with a message naming it, before anything starts.
 */
public record StreamScoutConfig(
        Path dataDir,
        int httpPort,
        List<String> apiCorsOrigins,
        Optional<String> kafkaBootstrapServers,
        int embeddedKafkaPort,
        String chatTopic,
        int chatTopicPartitions,
        String lifecycleTopic,
        int lifecycleTopicPartitions,
        Optional<String> postgresUrl,
        String postgresUser,
        String postgresPassword,
        PoolSettings databasePool,
        String twitchClientId,
        String twitchClientSecret,
        Path twitchTokenFile,
        String twitchHelixUrl,
        String twitchOauthUrl,
        IrcTransportKind twitchIrcTransport,
        String twitchIrcHost,
        int twitchIrcPort,
        String twitchIrcWebsocketUrl,
        Optional<Path> twitchTlsTruststore,
        String twitchTlsTruststorePassword,
        Optional<String> twitchIrcLogin,
        int channelsPerConnection,
        List<String> monitorChannels,
        List<String> monitorAllow,
        List<String> monitorDeny,
        Duration monitorOnlineTtl,
        Optional<String> redisUrl,
        int ingestHealthPort,
        int ingestMetricsPort,
        short kafkaReplicationFactor,
        int kafkaProducerBuffer,
        String eventsTopic,
        String channelStatsTopic,
        String liveUpdatesTopic,
        boolean liveUpdatesEnabled,
        int joinThreshold,
        int leaveThreshold,
        Duration pollInterval,
        String detectorProfile,
        double detectorThreshold,
        Duration detectorWarmup,
        double detectorK,
        int detectorWindowSeconds,
        Duration detectorCooldown,
        boolean clipsEnabled,
        int flinkParallelism,
        int flinkWebPort,
        int flinkPrometheusPort,
        Duration jobCheckpointInterval,
        Optional<String> jobCheckpointDir,
        Duration jobOutOfOrderness,
        String logLevel,
        boolean rawChatEnabled,
        Duration rawChatRetention,
        Duration timeseriesRetention) {

    private static final int MAX_PORT = 65535;
    private static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(60);

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
                commaList(raw.string(ConfigKey.API_CORS_ORIGINS)),
                optional(raw.string(ConfigKey.KAFKA_BOOTSTRAP_SERVERS)),
                raw.integer(ConfigKey.KAFKA_EMBEDDED_PORT, 0, MAX_PORT),
                nonBlank(raw, ConfigKey.CHAT_TOPIC),
                raw.integer(ConfigKey.CHAT_TOPIC_PARTITIONS, 1, 10_000),
                nonBlank(raw, ConfigKey.LIFECYCLE_TOPIC),
                raw.integer(ConfigKey.LIFECYCLE_TOPIC_PARTITIONS, 1, 10_000),
                optional(raw.string(ConfigKey.POSTGRES_URL)),
                raw.string(ConfigKey.POSTGRES_USER),
                raw.string(ConfigKey.POSTGRES_PASSWORD),
                databasePool(raw),
                raw.string(ConfigKey.TWITCH_CLIENT_ID),
                raw.string(ConfigKey.TWITCH_CLIENT_SECRET),
                Path.of(raw.string(ConfigKey.TWITCH_TOKEN_FILE)),
                nonBlank(raw, ConfigKey.TWITCH_HELIX_URL),
                nonBlank(raw, ConfigKey.TWITCH_OAUTH_URL),
                transport(raw),
                nonBlank(raw, ConfigKey.TWITCH_IRC_HOST),
                raw.integer(ConfigKey.TWITCH_IRC_PORT, 1, MAX_PORT),
                nonBlank(raw, ConfigKey.TWITCH_IRC_WEBSOCKET_URL),
                optional(raw.string(ConfigKey.TWITCH_TLS_TRUSTSTORE)).map(Path::of),
                raw.string(ConfigKey.TWITCH_TLS_TRUSTSTORE_PASSWORD),
                optional(raw.string(ConfigKey.TWITCH_IRC_LOGIN)),
                raw.integer(ConfigKey.TWITCH_IRC_CHANNELS_PER_CONNECTION, 1, 100),
                logins(raw, ConfigKey.MONITOR_CHANNELS),
                logins(raw, ConfigKey.MONITOR_ALLOW),
                logins(raw, ConfigKey.MONITOR_DENY),
                raw.duration(ConfigKey.MONITOR_ONLINE_TTL, Duration.ofSeconds(1)),
                optional(raw.string(ConfigKey.REDIS_URL)),
                raw.integer(ConfigKey.INGEST_HEALTH_PORT, 0, MAX_PORT),
                raw.integer(ConfigKey.INGEST_METRICS_PORT, 0, MAX_PORT),
                (short) raw.integer(ConfigKey.KAFKA_REPLICATION_FACTOR, 1, 10),
                raw.integer(ConfigKey.KAFKA_PRODUCER_BUFFER, 100, 10_000_000),
                nonBlank(raw, ConfigKey.EVENTS_TOPIC),
                nonBlank(raw, ConfigKey.CHANNEL_STATS_TOPIC),
                nonBlank(raw, ConfigKey.LIVE_UPDATES_TOPIC),
                raw.bool(ConfigKey.JOB_LIVE_UPDATES_ENABLED),
                join,
                leave,
                raw.duration(ConfigKey.POLL_INTERVAL, Duration.ofSeconds(1)),
                profile(raw),
                raw.decimal(ConfigKey.DETECTOR_THRESHOLD, 0.01, 1000.0),
                raw.duration(ConfigKey.DETECTOR_WARMUP, Duration.ZERO),
                raw.decimal(ConfigKey.DETECTOR_K, 0.0, 100.0),
                raw.integer(ConfigKey.DETECTOR_WINDOW_SECONDS, 1, 3600),
                raw.duration(ConfigKey.DETECTOR_COOLDOWN, Duration.ZERO),
                raw.bool(ConfigKey.CLIPS_ENABLED),
                raw.integer(ConfigKey.FLINK_PARALLELISM, 1, 1024),
                raw.integer(ConfigKey.FLINK_WEB_PORT, 0, MAX_PORT),
                raw.integer(ConfigKey.FLINK_PROMETHEUS_PORT, 0, MAX_PORT),
                checkpointInterval(raw),
                optional(raw.string(ConfigKey.JOB_CHECKPOINT_DIR)),
                outOfOrderness(raw),
                level,
                raw.bool(ConfigKey.STORE_RAW_CHAT_ENABLED),
                retention(raw, ConfigKey.STORE_RETENTION_RAW_CHAT),
                retention(raw, ConfigKey.STORE_RETENTION_TIMESERIES));
    }

    /** 0 keeps everything; anything shorter than an hour would delete what the API is still showing. */
    private static Duration retention(RawConfig raw, ConfigKey key) {
        Duration retention = raw.duration(key, Duration.ZERO);
        if (!retention.isZero() && retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new ConfigException("invalid value '" + raw.string(key) + "' for " + key.key() + " (from "
                    + raw.origin(key) + "): expected 0 (keep everything) or at least 1 hour, e.g. P7D");
        }
        return retention;
    }

    /** The pool's four keys together, so that min idle above max size is reported as the pair it is. */
    private static PoolSettings databasePool(RawConfig raw) {
        int maxSize = raw.integer(ConfigKey.DB_POOL_MAX_SIZE, 1, 1000);
        int minIdle = raw.integer(ConfigKey.DB_POOL_MIN_IDLE, 0, 1000);
        if (minIdle > maxSize) {
            throw new ConfigException(ConfigKey.DB_POOL_MIN_IDLE.key() + " (" + minIdle + ", from "
                    + raw.origin(ConfigKey.DB_POOL_MIN_IDLE) + ") must be at most " + ConfigKey.DB_POOL_MAX_SIZE.key()
                    + " (" + maxSize + ")");
        }
        Duration connectionTimeout = raw.duration(ConfigKey.DB_POOL_CONNECTION_TIMEOUT, Duration.ofMillis(250));
        Duration idleTimeout = raw.duration(ConfigKey.DB_POOL_IDLE_TIMEOUT, Duration.ZERO);
        if (!idleTimeout.isZero() && idleTimeout.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ConfigException("invalid value '" + raw.string(ConfigKey.DB_POOL_IDLE_TIMEOUT) + "' for "
                    + ConfigKey.DB_POOL_IDLE_TIMEOUT.key() + " (from " + raw.origin(ConfigKey.DB_POOL_IDLE_TIMEOUT)
                    + "): expected 0 (never) or at least 10 s");
        }
        return new PoolSettings(minIdle, maxSize, connectionTimeout, idleTimeout);
    }

    /** 0 switches checkpoints off; Flink refuses anything between 0 and 10 ms. */
    private static Duration checkpointInterval(RawConfig raw) {
        Duration interval = raw.duration(ConfigKey.JOB_CHECKPOINT_INTERVAL, Duration.ZERO);
        if (!interval.isZero() && interval.toMillis() < 10) {
            throw new ConfigException("invalid value '" + raw.string(ConfigKey.JOB_CHECKPOINT_INTERVAL) + "' for "
                    + ConfigKey.JOB_CHECKPOINT_INTERVAL.key() + " (from " + raw.origin(ConfigKey.JOB_CHECKPOINT_INTERVAL)
                    + "): expected 0 (off) or at least 10 ms");
        }
        return interval;
    }

    /**
     * Every second of the bound is a second of delay on every moment, so a bound of minutes is a typo (PT60M
     * for PT60S) rather than a choice.
     */
    private static Duration outOfOrderness(RawConfig raw) {
        Duration bound = raw.duration(ConfigKey.JOB_OUT_OF_ORDERNESS, Duration.ZERO);
        if (bound.compareTo(MAX_OUT_OF_ORDERNESS) > 0) {
            throw new ConfigException("invalid value '" + raw.string(ConfigKey.JOB_OUT_OF_ORDERNESS) + "' for "
                    + ConfigKey.JOB_OUT_OF_ORDERNESS.key() + " (from " + raw.origin(ConfigKey.JOB_OUT_OF_ORDERNESS)
                    + "): expected at most " + MAX_OUT_OF_ORDERNESS.toSeconds() + " s; every moment is reported this"
                    + " much later, so raise it only as far as late_messages shows chat arriving out of order");
        }
        return bound;
    }

    /** The detector profile, lower-cased: {@code default} or {@code seed}. */
    private static String profile(RawConfig raw) {
        String value = raw.string(ConfigKey.DETECTOR_PROFILE).trim().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("default") && !value.equals("seed")) {
            throw new ConfigException("invalid value '" + raw.string(ConfigKey.DETECTOR_PROFILE) + "' for "
                    + ConfigKey.DETECTOR_PROFILE.key() + " (from " + raw.origin(ConfigKey.DETECTOR_PROFILE)
                    + "): expected default or seed");
        }
        return value;
    }

    private static IrcTransportKind transport(RawConfig raw) {
        String value = raw.string(ConfigKey.TWITCH_IRC_TRANSPORT).trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return IrcTransportKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value '" + raw.string(ConfigKey.TWITCH_IRC_TRANSPORT) + "' for "
                    + ConfigKey.TWITCH_IRC_TRANSPORT.key() + " (from " + raw.origin(ConfigKey.TWITCH_IRC_TRANSPORT)
                    + "): expected tls, tcp or websocket");
        }
    }

    /** A comma-separated list, blanks dropped; each entry is checked by whoever uses it. */
    private static List<String> commaList(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** A comma-separated list of channel logins, lower-cased, {@code #} removed, each checked. */
    private static List<String> logins(RawConfig raw, ConfigKey key) {
        List<String> logins = new java.util.ArrayList<>();
        for (String part : raw.string(key).split(",")) {
            String login = part.trim().toLowerCase(java.util.Locale.ROOT);
            if (login.startsWith("#")) {
                login = login.substring(1);
            }
            if (login.isEmpty()) {
                continue;
            }
            if (!login.matches("[a-z0-9_]{1,25}")) {
                throw new ConfigException("invalid channel login '" + part.trim() + "' in " + key.key() + " (from "
                        + raw.origin(key) + "): logins are 1 to 25 letters, digits or underscores");
            }
            logins.add(login);
        }
        return List.copyOf(logins);
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
                + ", twitchClientId=" + Redact.mask(twitchClientId)
                + ", twitchClientSecret=" + Redact.mask(twitchClientSecret)
                + ", tokenFile=" + twitchTokenFile + ", helix=" + twitchHelixUrl
                + ", irc=" + (twitchIrcTransport == IrcTransportKind.WEBSOCKET ? twitchIrcWebsocketUrl
                        : twitchIrcTransport.name().toLowerCase(java.util.Locale.ROOT) + "://" + twitchIrcHost + ":" + twitchIrcPort)
                + ", channels=" + (monitorChannels.isEmpty() ? "top " + joinThreshold : monitorChannels)
                + ", redis=" + redisUrl.map(StreamScoutConfig::maskUrl).orElse("none")
                + ", join/leave=" + joinThreshold + "/" + leaveThreshold + ", poll=" + pollInterval
                + ", detector=" + (detectorProfile.equals("seed")
                        ? "seed(k=" + detectorK + ", window=" + detectorWindowSeconds + "s, cooldown=" + detectorCooldown + ")"
                        : "default(threshold=" + detectorThreshold + ", warmup=" + detectorWarmup + ")")
                + ", outOfOrderness=" + jobOutOfOrderness
                + ", clips=" + clipsEnabled + ", parallelism=" + flinkParallelism + "]";
    }
}
