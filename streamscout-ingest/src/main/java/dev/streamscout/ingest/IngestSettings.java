package dev.streamscout.ingest;

import dev.streamscout.twitch.auth.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the ingest service needs, read once at start-up.
 *
 * @param helixBase             Helix base URL ({@code https://api.twitch.tv/helix} or the simulator's)
 * @param oauthBase             OAuth base URL ({@code https://id.twitch.tv/oauth2} or the simulator's)
 * @param clientId              Twitch application client id
 * @param clientSecret          Twitch application client secret (never printed beyond 4 characters)
 * @param ircHost               chat server host
 * @param ircPort               chat server port
 * @param joinThreshold         join chats of the top N streams ({@code JOIN_THRESHOLD}, default 5)
 * @param leaveThreshold        leave chats that fall below the top N ({@code LEAVE_THRESHOLD}, default 10)
 * @param pollInterval          Get Streams polling interval (default 120 s)
 * @param chatTopic             topic for chat messages ({@code chat-messages})
 * @param lifecycleTopic        topic for stream lifecycle events ({@code stream-lifecycle})
 * @param kafkaBootstrapServers Kafka bootstrap servers
 */
public record IngestSettings(
        URI helixBase,
        URI oauthBase,
        String clientId,
        String clientSecret,
        String ircHost,
        int ircPort,
        int joinThreshold,
        int leaveThreshold,
        Duration pollInterval,
        String chatTopic,
        String lifecycleTopic,
        String kafkaBootstrapServers) {

    public static final URI TWITCH_HELIX = URI.create("https://api.twitch.tv/helix");
    public static final URI TWITCH_OAUTH = URI.create("https://id.twitch.tv/oauth2");
    public static final String TWITCH_IRC_HOST = "irc.chat.twitch.tv";
    public static final int TWITCH_IRC_PORT = 6667;

    public IngestSettings {
        Objects.requireNonNull(helixBase, "helixBase");
        Objects.requireNonNull(oauthBase, "oauthBase");
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        requireText(ircHost, "ircHost");
        if (ircPort < 1 || ircPort > 65_535) {
            throw new IllegalArgumentException("ircPort must be between 1 and 65535, was " + ircPort);
        }
        new ChannelSelection(joinThreshold, leaveThreshold); // validates both, naming the values
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
        requireText(chatTopic, "chatTopic");
        requireText(lifecycleTopic, "lifecycleTopic");
        requireText(kafkaBootstrapServers, "kafkaBootstrapServers");
    }

    /** Real Twitch with the seed's defaults (top 5 / top 10, every 120 s, standard topics). */
    public static IngestSettings twitch(String clientId, String clientSecret, String kafkaBootstrapServers) {
        return new IngestSettings(TWITCH_HELIX, TWITCH_OAUTH, clientId, clientSecret, TWITCH_IRC_HOST, TWITCH_IRC_PORT,
                ChannelSelection.DEFAULT_JOIN_THRESHOLD, ChannelSelection.DEFAULT_LEAVE_THRESHOLD,
                StreamMonitor.DEFAULT_POLL_INTERVAL, ChatPublisher.DEFAULT_TOPIC, LifecyclePublisher.DEFAULT_TOPIC,
                kafkaBootstrapServers);
    }

    /** The same settings pointed at other Twitch endpoints (the simulator). */
    public IngestSettings withTwitchEndpoints(URI newHelixBase, URI newOauthBase, String newIrcHost, int newIrcPort) {
        return new IngestSettings(newHelixBase, newOauthBase, clientId, clientSecret, newIrcHost, newIrcPort,
                joinThreshold, leaveThreshold, pollInterval, chatTopic, lifecycleTopic, kafkaBootstrapServers);
    }

    public IngestSettings withThresholds(int newJoinThreshold, int newLeaveThreshold) {
        return new IngestSettings(helixBase, oauthBase, clientId, clientSecret, ircHost, ircPort,
                newJoinThreshold, newLeaveThreshold, pollInterval, chatTopic, lifecycleTopic, kafkaBootstrapServers);
    }

    public IngestSettings withPollInterval(Duration newPollInterval) {
        return new IngestSettings(helixBase, oauthBase, clientId, clientSecret, ircHost, ircPort,
                joinThreshold, leaveThreshold, newPollInterval, chatTopic, lifecycleTopic, kafkaBootstrapServers);
    }

    public IngestSettings withTopics(String newChatTopic, String newLifecycleTopic) {
        return new IngestSettings(helixBase, oauthBase, clientId, clientSecret, ircHost, ircPort,
                joinThreshold, leaveThreshold, pollInterval, newChatTopic, newLifecycleTopic, kafkaBootstrapServers);
    }

    /** Hides the client secret. */
    @Override
    public String toString() {
        return "IngestSettings[helixBase=" + helixBase + ", oauthBase=" + oauthBase + ", clientId=" + clientId
                + ", clientSecret=" + Secrets.mask(clientSecret) + ", irc=" + ircHost + ":" + ircPort
                + ", joinThreshold=" + joinThreshold + ", leaveThreshold=" + leaveThreshold
                + ", pollInterval=" + pollInterval + ", chatTopic=" + chatTopic + ", lifecycleTopic=" + lifecycleTopic
                + ", kafkaBootstrapServers=" + kafkaBootstrapServers + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
