package dev.streamscout.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.store.Database;
import dev.streamscout.twitch.irc.IrcTransportKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    private static final String SECRET = "s3cr3tvalue0123456789";

    private final IngestSettings twitch = IngestSettings.twitch("client-id", SECRET, "127.0.0.1:9092");

    @Test
    void twitchDefaultsAreTheSeedValues() {
        assertThat(twitch.helixBase()).isEqualTo(URI.create("https://api.twitch.tv/helix"));
        assertThat(twitch.ircTransport()).isEqualTo(ChatTransport.TLS);
        assertThat(twitch.ircPort()).isEqualTo(6697);
        assertThat(twitch.ircLogin()).isNull();
        assertThat(twitch.channelsPerConnection()).isEqualTo(90);
        assertThat(twitch.joinThreshold()).isEqualTo(5);
        assertThat(twitch.leaveThreshold()).isEqualTo(10);
        assertThat(twitch.pollInterval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(twitch.followsFixedChannels()).isFalse();
        assertThat(twitch.onlineTtl()).isEqualTo(Duration.ofMinutes(6));
        assertThat(twitch.redisUrl()).isNull();
        assertThat(twitch.chatTopic()).isEqualTo("chat-messages");
        assertThat(twitch.lifecycleTopic()).isEqualTo("stream-lifecycle");
        assertThat(twitch.eventsTopic()).isEqualTo("chat-events");
        assertThat(twitch.kafkaProducerBuffer()).isEqualTo(100_000);
        assertThat(twitch.healthPort()).isEqualTo(IngestSettings.DISABLED_PORT);
    }

    @Test
    void toStringNeverShowsTheSecretOrTheRedisPassword() {
        String text = twitch.withRedisUrl("redis://:hunter2hunter2@cache:6379/0").toString();
        assertThat(text).doesNotContain(SECRET).doesNotContain("hunter2").contains("s3cr").contains("client-id")
                .contains("cache:6379");
    }

    @Test
    void withersReplaceOneAspect() {
        IngestSettings sim = twitch.withTwitchEndpoints(URI.create("http://127.0.0.1:1/helix"),
                        URI.create("http://127.0.0.1:1/oauth2"), "127.0.0.1", 6000)
                .withIrc(ChatTransport.TCP, "127.0.0.1", 6001, URI.create("ws://127.0.0.1:6002"))
                .withThresholds(2, 4).withPollInterval(Duration.ofSeconds(3)).withTopics("c", "l")
                .withEventsTopic("e").withMonitorChannels(List.of("#Alpha", "beta"))
                .withAllowDeny(List.of("alpha"), List.of("BETA")).withOnlineTtl(Duration.ofSeconds(9))
                .withProducerBuffer(500).withHttpPorts(0, 0).withChannelsPerConnection(10)
                .withKafkaBootstrapServers("k:1");

        assertThat(sim.ircPort()).isEqualTo(6001);
        assertThat(sim.joinThreshold()).isEqualTo(2);
        assertThat(sim.pollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(sim.chatTopic()).isEqualTo("c");
        assertThat(sim.eventsTopic()).isEqualTo("e");
        assertThat(sim.monitorChannels()).containsExactly("alpha", "beta");
        assertThat(sim.monitorDeny()).containsExactly("beta");
        assertThat(sim.followsFixedChannels()).isTrue();
        assertThat(sim.kafkaProducerBuffer()).isEqualTo(500);
        assertThat(sim.healthPort()).isZero();
        assertThat(sim.kafkaBootstrapServers()).isEqualTo("k:1");
        assertThat(sim.clientSecret()).isEqualTo(SECRET);
    }

    @Test
    void theChatPoolGetsTransportLoginAndChannelsPerConnection() {
        var pool = IngestService.poolSettings(twitch.withIrcLogin("MyBot", () -> "oauth:token")
                .withChannelsPerConnection(40));
        assertThat(pool.endpoint().kind()).isEqualTo(IrcTransportKind.TLS);
        assertThat(pool.endpoint().port()).isEqualTo(6697);
        assertThat(pool.login()).isEqualTo("MyBot");
        assertThat(pool.token().get()).isEqualTo("oauth:token");
        assertThat(pool.channelsPerConnection()).isEqualTo(40);

        var ws = IngestService.poolSettings(twitch.withIrc(ChatTransport.WEBSOCKET, "ignored", 1,
                URI.create("wss://irc-ws.chat.twitch.tv:443")));
        assertThat(ws.endpoint().kind()).isEqualTo(IrcTransportKind.WEBSOCKET);
        assertThat(ws.endpoint().host()).isEqualTo("irc-ws.chat.twitch.tv");
    }

    @Test
    void badValuesAreRejectedWithTheirNames() {
        assertThatThrownBy(() -> twitch.withThresholds(10, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(5)").hasMessageContaining("(10)");
        assertThatThrownBy(() -> twitch.withPollInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> IngestSettings.twitch("id", " ", "k:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TWITCH_CLIENT_SECRET");
        assertThatThrownBy(() -> IngestSettings.twitch("id", "secret", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> twitch.withTwitchEndpoints(twitch.helixBase(), twitch.oauthBase(), "h", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ircPort");
        assertThatThrownBy(() -> twitch.withMonitorChannels(List.of("ok", "not a login!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a login!");
        assertThatThrownBy(() -> twitch.withIrcLogin("bot", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> twitch.withHttpPorts(70_000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("healthPort");
        assertThatThrownBy(() -> twitch.withProducerBuffer(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafkaProducerBuffer");
    }

    @Test
    void aServiceStartsOnceAndClosesEvenIfNeverStarted() {
        IngestService never = new IngestService(twitch, (Database) null);
        never.close();
        never.close();
        assertThat(never.joinedChannels()).isEmpty();
        assertThat(never.chatMessagesPublished()).isZero();
        assertThat(never.health().healthy()).isFalse();
        assertThatThrownBy(never::start).isInstanceOf(IllegalStateException.class);
    }
}
