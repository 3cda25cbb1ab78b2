package dev.streamscout.ingest;

import dev.streamscout.twitch.auth.Redact;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Everything the ingest service needs, read once at start-up. Build it with {@link #twitch} (real
 * Twitch, seed defaults) and change single aspects with the {@code with...} methods.
 *
 * @param helixBase             Helix base URL ({@code https://api.twitch.tv/helix} or the simulator's)
 * @param oauthBase             OAuth base URL ({@code https://id.twitch.tv/oauth2} or the simulator's)
 * @param clientId              Twitch application client id ({@code TWITCH_CLIENT_ID})
 * @param clientSecret          Twitch application client secret (never printed beyond 4 characters)
 * @param ircTransport          how chat is reached (TLS on 6697, plain TCP, or WebSocket)
 * @param ircHost               chat server host (TLS and TCP)
 * @param ircPort               chat server port (TLS and TCP)
 * @param ircWebsocketUrl       chat WebSocket URL (WEBSOCKET)
 * @param ircLogin              chat login, or null to read anonymously ({@code justinfan...})
 * @param ircToken              user access token for {@code ircLogin} (asked on every connect), or null
 * @param channelsPerConnection most channels on one chat connection (Twitch allows about 100; 90 default)
 * @param joinThreshold         join chats of the top N streams ({@code JOIN_THRESHOLD}, default 5)
 * @param leaveThreshold        leave chats that fall below the top N ({@code LEAVE_THRESHOLD}, default 10)
 * @param pollInterval          Get Streams polling interval (default 120 s)
 * @param monitorChannels       a fixed list of logins to follow instead of the top N ({@code TWITCH_CHANNEL}); empty: top N
 * @param monitorAllow          when not empty, only these logins are ever joined
 * @param monitorDeny           logins never joined
 * @param onlineTtl             a channel counts as online this long after the last poll that saw it
 * @param redisUrl              {@code redis://host:port/db} for shared online state, or null to keep it in memory
 * @param chatTopic             topic for chat messages ({@code chat-messages})
 * @param lifecycleTopic        topic for stream lifecycle events ({@code stream-lifecycle})
 * @param eventsTopic           topic for subs, gifts, raids, bits ({@code chat-events})
 * @param kafkaBootstrapServers Kafka bootstrap servers
 * @param kafkaProducerBuffer   messages held while Kafka does not acknowledge before callers are slowed down
 * @param healthPort            port of {@code /health}; 0 any free port, {@link #DISABLED_PORT} none
 * @param metricsPort           port of Prometheus {@code /metrics}; 0 any free port, {@link #DISABLED_PORT} none
 */
public record IngestSettings(
        URI helixBase,
        URI oauthBase,
        String clientId,
        String clientSecret,
        ChatTransport ircTransport,
        String ircHost,
        int ircPort,
        URI ircWebsocketUrl,
        String ircLogin,
        Supplier<String> ircToken,
        int channelsPerConnection,
        int joinThreshold,
        int leaveThreshold,
        Duration pollInterval,
        List<String> monitorChannels,
        List<String> monitorAllow,
        List<String> monitorDeny,
        Duration onlineTtl,
        String redisUrl,
        String chatTopic,
        String lifecycleTopic,
        String eventsTopic,
        String kafkaBootstrapServers,
        int kafkaProducerBuffer,
        int healthPort,
        int metricsPort,
        SSLContext ircSslContext) {

    public static final URI TWITCH_HELIX = URI.create("https://api.twitch.tv/helix");
    public static final URI TWITCH_OAUTH = URI.create("https://id.twitch.tv/oauth2");
    public static final String TWITCH_IRC_HOST = "irc.chat.twitch.tv";
    public static final int TWITCH_IRC_TLS_PORT = 6697;
    public static final URI TWITCH_IRC_WEBSOCKET = URI.create("wss://irc-ws.chat.twitch.tv:443");
    public static final int DEFAULT_CHANNELS_PER_CONNECTION = 90;
    /** Three missed polls at the default interval. */
    public static final Duration DEFAULT_ONLINE_TTL = Duration.ofMinutes(6);
    public static final String DEFAULT_EVENTS_TOPIC = "chat-events";
    public static final int DEFAULT_PRODUCER_BUFFER = 100_000;
    /** A health or metrics port that is not served. */
    public static final int DISABLED_PORT = -1;

    public IngestSettings {
        Objects.requireNonNull(helixBase, "helixBase");
        Objects.requireNonNull(oauthBase, "oauthBase");
        requireText(clientId, "clientId (TWITCH_CLIENT_ID)");
        requireText(clientSecret, "clientSecret (TWITCH_CLIENT_SECRET)");
        Objects.requireNonNull(ircTransport, "ircTransport");
        requireText(ircHost, "ircHost");
        if (ircPort < 1 || ircPort > 65_535) {
            throw new IllegalArgumentException("ircPort must be between 1 and 65535, was " + ircPort);
        }
        Objects.requireNonNull(ircWebsocketUrl, "ircWebsocketUrl");
        if (ircLogin != null && ircLogin.isBlank()) {
            ircLogin = null;
        }
        if (ircLogin != null && ircToken == null) {
            throw new IllegalArgumentException("ircLogin " + ircLogin + " needs a user token (ircToken); "
                    + "leave the login empty to read chat anonymously");
        }
        if (channelsPerConnection < 1 || channelsPerConnection > 100) {
            throw new IllegalArgumentException("channelsPerConnection must be between 1 and 100, was "
                    + channelsPerConnection);
        }
        new ChannelSelection(joinThreshold, leaveThreshold); // validates both, naming the values
        requirePositive(pollInterval, "pollInterval");
        monitorChannels = logins(monitorChannels, "monitorChannels");
        monitorAllow = logins(monitorAllow, "monitorAllow");
        monitorDeny = logins(monitorDeny, "monitorDeny");
        requirePositive(onlineTtl, "onlineTtl");
        if (redisUrl != null && redisUrl.isBlank()) {
            redisUrl = null;
        }
        requireText(chatTopic, "chatTopic");
        requireText(lifecycleTopic, "lifecycleTopic");
        requireText(eventsTopic, "eventsTopic");
        requireText(kafkaBootstrapServers, "kafkaBootstrapServers (KAFKA_BOOTSTRAP_SERVERS)");
        if (kafkaProducerBuffer < 1) {
            throw new IllegalArgumentException("kafkaProducerBuffer must be positive, was " + kafkaProducerBuffer);
        }
        requirePort(healthPort, "healthPort");
        requirePort(metricsPort, "metricsPort");
    }

    /** Real Twitch with the seed's defaults: TLS chat read anonymously, top 5 / top 10, every 120 s. */
    public static IngestSettings twitch(String clientId, String clientSecret, String kafkaBootstrapServers) {
        return new IngestSettings(TWITCH_HELIX, TWITCH_OAUTH, clientId, clientSecret, ChatTransport.TLS,
                TWITCH_IRC_HOST, TWITCH_IRC_TLS_PORT, TWITCH_IRC_WEBSOCKET, null, null,
                DEFAULT_CHANNELS_PER_CONNECTION, ChannelSelection.DEFAULT_JOIN_THRESHOLD,
                ChannelSelection.DEFAULT_LEAVE_THRESHOLD, StreamMonitor.DEFAULT_POLL_INTERVAL, List.of(), List.of(),
                List.of(), DEFAULT_ONLINE_TTL, null, ChatPublisher.DEFAULT_TOPIC, LifecyclePublisher.DEFAULT_TOPIC,
                DEFAULT_EVENTS_TOPIC, kafkaBootstrapServers, DEFAULT_PRODUCER_BUFFER, DISABLED_PORT, DISABLED_PORT, null);
    }

    /** True when a fixed list of channels is followed instead of the top N. */
    public boolean followsFixedChannels() {
        return !monitorChannels.isEmpty();
    }

    /** Other Twitch endpoints (the simulator); the chat transport is kept. */
    public IngestSettings withTwitchEndpoints(URI newHelixBase, URI newOauthBase, String newIrcHost, int newIrcPort) {
        return edit(b -> {
            b.helixBase = newHelixBase;
            b.oauthBase = newOauthBase;
            b.ircHost = newIrcHost;
            b.ircPort = newIrcPort;
        });
    }

    /** How chat is reached; {@code websocketUrl} is used by {@link ChatTransport#WEBSOCKET} only. */
    public IngestSettings withIrc(ChatTransport transport, String host, int port, URI websocketUrl) {
        return edit(b -> {
            b.ircTransport = transport;
            b.ircHost = host;
            b.ircPort = port;
            b.ircWebsocketUrl = websocketUrl;
        });
    }

    /**
     * Trust for the TLS and wss chat transports: a context that trusts, say, a test server's own
     * certificate. {@code null} (the default) uses the JVM's trusted certificate authorities.
     */
    public IngestSettings withIrcTrust(SSLContext sslContext) {
        return edit(b -> b.ircSslContext = sslContext);
    }

    /** Chat with a user login and token instead of anonymously; {@code null} login: anonymous again. */
    public IngestSettings withIrcLogin(String login, Supplier<String> token) {
        return edit(b -> {
            b.ircLogin = login;
            b.ircToken = login == null ? null : token;
        });
    }

    public IngestSettings withChannelsPerConnection(int n) {
        return edit(b -> b.channelsPerConnection = n);
    }

    public IngestSettings withThresholds(int newJoinThreshold, int newLeaveThreshold) {
        return edit(b -> {
            b.joinThreshold = newJoinThreshold;
            b.leaveThreshold = newLeaveThreshold;
        });
    }

    public IngestSettings withPollInterval(Duration newPollInterval) {
        return edit(b -> b.pollInterval = newPollInterval);
    }

    /** Follow exactly these channels (empty: the top N again). */
    public IngestSettings withMonitorChannels(List<String> channels) {
        return edit(b -> b.monitorChannels = channels);
    }

    public IngestSettings withAllowDeny(List<String> allow, List<String> deny) {
        return edit(b -> {
            b.monitorAllow = allow;
            b.monitorDeny = deny;
        });
    }

    public IngestSettings withOnlineTtl(Duration ttl) {
        return edit(b -> b.onlineTtl = ttl);
    }

    /** {@code redis://host:port/db}, or null for in-memory online state. */
    public IngestSettings withRedisUrl(String url) {
        return edit(b -> b.redisUrl = url);
    }

    public IngestSettings withTopics(String newChatTopic, String newLifecycleTopic) {
        return edit(b -> {
            b.chatTopic = newChatTopic;
            b.lifecycleTopic = newLifecycleTopic;
        });
    }

    public IngestSettings withEventsTopic(String topic) {
        return edit(b -> b.eventsTopic = topic);
    }

    public IngestSettings withKafkaBootstrapServers(String servers) {
        return edit(b -> b.kafkaBootstrapServers = servers);
    }

    public IngestSettings withProducerBuffer(int messages) {
        return edit(b -> b.kafkaProducerBuffer = messages);
    }

    /** Serve {@code /health} and {@code /metrics}: 0 any free port, {@link #DISABLED_PORT} none. */
    public IngestSettings withHttpPorts(int newHealthPort, int newMetricsPort) {
        return edit(b -> {
            b.healthPort = newHealthPort;
            b.metricsPort = newMetricsPort;
        });
    }

    /** Hides the client secret and any password in the Redis URL. */
    @Override
    public String toString() {
        String irc = ircTransport == ChatTransport.WEBSOCKET ? ircWebsocketUrl.toString()
                : ircTransport.name().toLowerCase(Locale.ROOT) + "://" + ircHost + ":" + ircPort;
        return "IngestSettings[helixBase=" + helixBase + ", oauthBase=" + oauthBase + ", clientId=" + clientId
                + ", clientSecret=" + Redact.mask(clientSecret) + ", irc=" + irc
                + (ircSslContext == null ? "" : " (own trust store)")
                + ", ircLogin=" + (ircLogin == null ? "anonymous" : ircLogin)
                + ", channelsPerConnection=" + channelsPerConnection
                + ", channels=" + (monitorChannels.isEmpty()
                        ? "top " + joinThreshold + " (leave below " + leaveThreshold + ")" : monitorChannels)
                + (monitorAllow.isEmpty() ? "" : ", allow=" + monitorAllow)
                + (monitorDeny.isEmpty() ? "" : ", deny=" + monitorDeny)
                + ", pollInterval=" + pollInterval + ", onlineTtl=" + onlineTtl
                + ", redis=" + (redisUrl == null ? "none" : redisUrl.replaceAll("//[^@/]*@", "//****@"))
                + ", topics=" + chatTopic + "/" + lifecycleTopic + "/" + eventsTopic
                + ", kafkaBootstrapServers=" + kafkaBootstrapServers + ", producerBuffer=" + kafkaProducerBuffer
                + ", healthPort=" + healthPort + ", metricsPort=" + metricsPort + "]";
    }

    private IngestSettings edit(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requirePort(int port, String name) {
        if (port != DISABLED_PORT && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException(name + " must be 0..65535 or " + DISABLED_PORT + " (off), was " + port);
        }
    }

    /** Lower case, no {@code #}, blanks dropped, order kept, duplicates removed. */
    private static List<String> logins(List<String> raw, String name) {
        if (raw == null) {
            return List.of();
        }
        java.util.LinkedHashSet<String> clean = new java.util.LinkedHashSet<>();
        for (String login : raw) {
            if (login == null || login.isBlank()) {
                continue;
            }
            String normalized = ChannelSelection.normalize(login);
            if (!normalized.matches("[a-z0-9_]{1,25}")) {
                throw new IllegalArgumentException("invalid channel login '" + login + "' in " + name
                        + ": logins are 1 to 25 letters, digits or underscores");
            }
            clean.add(normalized);
        }
        return List.copyOf(clean);
    }

    /** The mutable copy the withers edit. */
    private static final class Builder {
        URI helixBase;
        URI oauthBase;
        String clientId;
        String clientSecret;
        ChatTransport ircTransport;
        String ircHost;
        int ircPort;
        URI ircWebsocketUrl;
        String ircLogin;
        Supplier<String> ircToken;
        int channelsPerConnection;
        int joinThreshold;
        int leaveThreshold;
        Duration pollInterval;
        List<String> monitorChannels;
        List<String> monitorAllow;
        List<String> monitorDeny;
        Duration onlineTtl;
        String redisUrl;
        String chatTopic;
        String lifecycleTopic;
        String eventsTopic;
        String kafkaBootstrapServers;
        int kafkaProducerBuffer;
        int healthPort;
        int metricsPort;
        SSLContext ircSslContext;

        Builder(IngestSettings s) {
            helixBase = s.helixBase;
            oauthBase = s.oauthBase;
            clientId = s.clientId;
            clientSecret = s.clientSecret;
            ircTransport = s.ircTransport;
            ircHost = s.ircHost;
            ircPort = s.ircPort;
            ircWebsocketUrl = s.ircWebsocketUrl;
            ircLogin = s.ircLogin;
            ircToken = s.ircToken;
            channelsPerConnection = s.channelsPerConnection;
            joinThreshold = s.joinThreshold;
            leaveThreshold = s.leaveThreshold;
            pollInterval = s.pollInterval;
            monitorChannels = s.monitorChannels;
            monitorAllow = s.monitorAllow;
            monitorDeny = s.monitorDeny;
            onlineTtl = s.onlineTtl;
            redisUrl = s.redisUrl;
            chatTopic = s.chatTopic;
            lifecycleTopic = s.lifecycleTopic;
            eventsTopic = s.eventsTopic;
            kafkaBootstrapServers = s.kafkaBootstrapServers;
            kafkaProducerBuffer = s.kafkaProducerBuffer;
            healthPort = s.healthPort;
            metricsPort = s.metricsPort;
            ircSslContext = s.ircSslContext;
        }

        IngestSettings build() {
            return new IngestSettings(helixBase, oauthBase, clientId, clientSecret, ircTransport, ircHost, ircPort,
                    ircWebsocketUrl, ircLogin, ircToken, channelsPerConnection, joinThreshold, leaveThreshold,
                    pollInterval, monitorChannels, monitorAllow, monitorDeny, onlineTtl, redisUrl, chatTopic,
                    lifecycleTopic, eventsTopic, kafkaBootstrapServers, kafkaProducerBuffer, healthPort, metricsPort,
                    ircSslContext);
        }
    }
}
