package dev.streamscout.app.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key StreamScout reads, with its environment variables, default and meaning.
 *
 * <p>This enum is the one place defaults live; {@code docs/configuration.md} lists the same keys
 * and a test keeps the two in step.
 */
public enum ConfigKey {
    DATA_DIR("data.dir", "path", "./data", "Directory for the embedded Kafka log, the H2 database and checkpoints.", "STREAMSCOUT_DATA_DIR"),
    API_CORS_ORIGINS("api.cors.origins", "origin list", "", "Comma-separated origins (https://host[:port], or *) allowed to call the API from a browser; empty allows only the same origin.", "CORS_ALLOWED_ORIGINS"),
    HTTP_PORT("http.port", "port", "5000", "Port of the REST API and dashboard.", "HTTP_PORT"),
    KAFKA_BOOTSTRAP_SERVERS("kafka.bootstrap.servers", "host:port list", "", "Kafka bootstrap servers; empty starts the embedded broker.", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_BROKER_URL"),
    KAFKA_EMBEDDED_PORT("kafka.embedded.port", "port", "9092", "Port of the embedded Kafka broker (0 picks a free one)."),
    CHAT_TOPIC("kafka.topic.chat", "string", "chat-messages", "Topic that carries chat messages, keyed by channel id."),
    CHAT_TOPIC_PARTITIONS("kafka.topic.chat.partitions", "integer", "20", "Partitions of the chat topic when StreamScout creates it."),
    LIFECYCLE_TOPIC("kafka.topic.lifecycle", "string", "stream-lifecycle", "Topic that carries stream online/offline/viewer events."),
    LIFECYCLE_TOPIC_PARTITIONS("kafka.topic.lifecycle.partitions", "integer", "10", "Partitions of the lifecycle topic when StreamScout creates it."),
    POSTGRES_URL("postgres.url", "URL", "", "PostgreSQL URL (jdbc:postgresql://... or postgresql://user:pass@host/db); empty uses H2 under the data directory.", "POSTGRES_URL"),
    POSTGRES_USER("postgres.user", "string", "", "PostgreSQL user (when not in the URL).", "POSTGRES_USER"),
    POSTGRES_PASSWORD("postgres.password", "secret", "", "PostgreSQL password (when not in the URL). Never logged.", "POSTGRES_PASSWORD"),
    DB_POOL_MIN_IDLE("database.pool.min-idle", "integer", "2", "Idle connections the database pool keeps open (0 to database.pool.max-size)."),
    DB_POOL_MAX_SIZE("database.pool.max-size", "integer", "10", "Most connections the database pool opens (per process; the Flink JDBC sinks open their own)."),
    DB_POOL_CONNECTION_TIMEOUT("database.pool.connection-timeout", "duration", "PT30S", "How long a database call waits for a free pooled connection before it fails (at least 0.25 s)."),
    DB_POOL_IDLE_TIMEOUT("database.pool.idle-timeout", "duration", "PT10M", "How long a pooled connection above the minimum may stay idle before it is closed (0 for never, else at least 10 s)."),
    TWITCH_CLIENT_ID("twitch.client.id", "string", "", "Twitch application client id (the simulator accepts any).", "TWITCH_CLIENT_ID"),
    TWITCH_CLIENT_SECRET("twitch.client.secret", "secret", "", "Twitch application client secret. Never logged beyond 4 characters.", "TWITCH_CLIENT_SECRET"),
    TWITCH_TOKEN_FILE("twitch.token.file", "path", "./secrets/twitch_user_tokens.json", "User OAuth token file (seed format) used to create clips.", "TWITCH_TOKEN_FILE"),
    TWITCH_HELIX_URL("twitch.helix.url", "URL", "https://api.twitch.tv/helix", "Base URL of the Helix API."),
    TWITCH_OAUTH_URL("twitch.oauth.url", "URL", "https://id.twitch.tv/oauth2", "Base URL of Twitch OAuth."),
    TWITCH_IRC_TRANSPORT("twitch.irc.transport", "tls, tcp or websocket", "tls", "How to reach Twitch chat: tls (TCP with TLS), tcp (plain, for local simulators) or websocket."),
    TWITCH_IRC_HOST("twitch.irc.host", "host", "irc.chat.twitch.tv", "Twitch chat (IRC) host for the tls and tcp transports."),
    TWITCH_IRC_PORT("twitch.irc.port", "port", "6697", "Twitch chat (IRC) port for the tls and tcp transports."),
    TWITCH_IRC_WEBSOCKET_URL("twitch.irc.websocket.url", "URL", "wss://irc-ws.chat.twitch.tv:443", "Twitch chat WebSocket URL for the websocket transport."),
    TWITCH_TLS_TRUSTSTORE("twitch.tls.truststore", "path", "", "PKCS12 trust store for the tls and websocket (wss) chat transports, e.g. a test server's own certificate; empty trusts the JVM's certificate authorities."),
    TWITCH_TLS_TRUSTSTORE_PASSWORD("twitch.tls.truststore.password", "secret", "", "Password of that trust store (often empty). Never logged."),
    TWITCH_IRC_LOGIN("twitch.irc.login", "string", "", "Login for chat with the user token; empty reads chat anonymously (justinfan)."),
    TWITCH_IRC_CHANNELS_PER_CONNECTION("twitch.irc.channels.per.connection", "integer 1-100", "90", "Most channels joined on one chat connection."),
    MONITOR_CHANNELS("monitor.channels", "login list", "", "Comma-separated channel logins to follow instead of the top N by viewers.", "TWITCH_CHANNEL"),
    MONITOR_ALLOW("monitor.allow", "login list", "", "Comma-separated logins: when set, only these channels are ever joined."),
    MONITOR_DENY("monitor.deny", "login list", "", "Comma-separated logins that are never joined."),
    MONITOR_ONLINE_TTL("monitor.online.ttl", "duration", "PT6M", "How long a channel counts as online after the last poll that saw it."),
    REDIS_URL("redis.url", "URL", "", "Redis URL (redis://host:6379) for shared online state; empty keeps it in memory.", "REDIS_URL"),
    INGEST_HEALTH_PORT("ingest.health.port", "port", "8080", "Port of the ingest service's /health (0 switches it off).", "HEALTH_CHECK_PORT"),
    INGEST_METRICS_PORT("ingest.metrics.port", "port", "9100", "Port of the ingest service's Prometheus /metrics (0 switches it off).", "PROMETHEUS_PORT"),
    KAFKA_REPLICATION_FACTOR("kafka.replication.factor", "integer 1-10", "1", "Replication factor of topics StreamScout creates (1 for a single broker)."),
    KAFKA_PRODUCER_BUFFER("kafka.producer.buffer.messages", "integer", "100000", "Messages held while Kafka is unreachable before ingest applies backpressure."),
    CHANNEL_STATS_TOPIC("kafka.topic.channel.stats", "string", "channel-stats", "Topic the job writes 10-minute per-channel message counts to (seed 003 schema)."),
    LIVE_UPDATES_TOPIC("kafka.topic.live.updates", "string", "live-updates", "Topic the job writes per-second chat rate, moment and clip events to, and the API's live push (SSE, WebSocket) reads."),
    JOB_LIVE_UPDATES_ENABLED("job.live-updates.enabled", "boolean", "true", "Whether the job writes the live-updates topic (the dashboard's live chart); switch off for benchmarks."),
    EVENTS_TOPIC("kafka.topic.events", "string", "chat-events", "Topic that carries subs, gifts, raids, announcements and bits, keyed by channel id."),
    JOIN_THRESHOLD("monitor.join.threshold", "integer", "5", "Join the chat of channels ranked in this top N by viewers.", "JOIN_THRESHOLD"),
    LEAVE_THRESHOLD("monitor.leave.threshold", "integer", "10", "Leave a joined chat when the channel falls below this top N.", "LEAVE_THRESHOLD"),
    POLL_INTERVAL("monitor.poll.interval", "duration", "PT120S", "How often Get Streams is polled (ISO-8601 duration or seconds)."),
    DETECTOR_PROFILE("detector.profile", "default or seed", "default", "Detector profile of the live job: default (tuned on labelled chat, see docs/detection.md) or seed (the seed design: 5 s windows, mean + k standard deviations)."),
    DETECTOR_THRESHOLD("detector.threshold", "number", "2.5", "Default profile only: its one threshold; a moment fires when a channel's 30 s activity exceeds its own baseline by this intensity."),
    DETECTOR_WARMUP("detector.warmup", "duration", "PT300S", "Default profile only: chat time a channel must be watched before it can fire, so its baseline is known (the demo shortens it)."),
    DETECTOR_K("detector.k", "number", "1.0", "Seed profile only: fire when the window count exceeds mean + k standard deviations."),
    DETECTOR_WINDOW_SECONDS("detector.window.seconds", "integer", "5", "Seed profile only: window length in seconds (it slides by 1 s)."),
    DETECTOR_COOLDOWN("detector.cooldown", "duration", "PT30S", "Seed profile only: quiet period per channel after a detection."),
    CLIPS_ENABLED("clips.enabled", "boolean", "true", "Create Twitch clips for detected moments."),
    FLINK_PARALLELISM("flink.parallelism", "integer", "2", "Parallelism of the Flink job.", "FLINK_PARALLELISM"),
    FLINK_WEB_PORT("flink.web.port", "port", "8081", "Port of the Flink Web UI and REST API of the in-process MiniCluster (all-in-one modes and streamscout job)."),
    FLINK_PROMETHEUS_PORT("flink.prometheus.port", "port", "9249", "Port of Flink's Prometheus reporter (0 switches it off)."),
    JOB_OUT_OF_ORDERNESS("job.out-of-orderness", "duration", "PT1S", "Event-time bound of the Flink job: how far out of order (by tmi-sent-ts, behind the newest message of its Kafka partition) a chat message may arrive and still be counted, not just added to late_messages; every moment is reported this much later (0 to 60 s).", "STREAMSCOUT_JOB_OUT_OF_ORDERNESS"),
    JOB_CHECKPOINT_INTERVAL("job.checkpoint.interval", "duration", "PT10S", "Time between checkpoints of the Flink job (0 switches checkpointing off); Kafka offsets are committed when one completes."),
    JOB_CHECKPOINT_DIR("job.checkpoint.dir", "URI or path", "", "Where the Flink job keeps checkpoints: any Flink file system URI (file:///, s3://, hdfs://) or a local path; empty means <data.dir>/checkpoints when the job runs in this JVM and the cluster's own execution.checkpointing.dir when submitted to one.", "FLINK_CHECKPOINT_DIR"),
    STORE_RAW_CHAT_ENABLED("store.raw-chat.enabled", "boolean", "true", "Whether the Flink job archives every chat message in chat_messages_raw (GET /api/channels/{id}/messages)."),
    STORE_RETENTION_RAW_CHAT("store.retention.raw-chat", "duration", "P7D", "How long raw chat is kept (0 keeps it forever, else at least PT1H); on PostgreSQL whole days go, so up to a day more is kept."),
    STORE_RETENTION_TIMESERIES("store.retention.timeseries", "duration", "P30D", "How long viewer_timeseries and chat_summary_minute rows are kept (0 keeps them forever, else at least PT1H)."),
    LOG_LEVEL("log.level", "TRACE..ERROR, OFF", "INFO", "Log level of StreamScout's own loggers.", "LOG_LEVEL"),
    LOG_FORMAT("log.format", "text or json", "text", "Log line format of the long-running commands: text (human-readable, stderr) or json (one JSON object per line on stdout, for Loki and other collectors).", "STREAMSCOUT_LOG_FORMAT");

    private final String key;
    private final String type;
    private final String defaultValue;
    private final String description;
    private final List<String> envVars;

    ConfigKey(String key, String type, String defaultValue, String description, String... envVars) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.envVars = List.of(envVars);
    }

    public String key() {
        return key;
    }

    /** What the value must look like, as documented. */
    public String type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Environment variables that set this key, the first one present wins. */
    public List<String> envVars() {
        return envVars;
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
