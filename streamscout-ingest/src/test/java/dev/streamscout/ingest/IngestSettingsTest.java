package dev.streamscout.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    private static final String SECRET = "s3cr3tvalue0123456789";

    private final IngestSettings twitch = IngestSettings.twitch("client-id", SECRET, "127.0.0.1:9092");

    @Test
    void twitchDefaultsAreTheSeedValues() {
        assertThat(twitch.helixBase()).isEqualTo(URI.create("https://api.twitch.tv/helix"));
        assertThat(twitch.joinThreshold()).isEqualTo(5);
        assertThat(twitch.leaveThreshold()).isEqualTo(10);
        assertThat(twitch.pollInterval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(twitch.chatTopic()).isEqualTo("chat-messages");
        assertThat(twitch.lifecycleTopic()).isEqualTo("stream-lifecycle");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(twitch.toString()).doesNotContain(SECRET).contains("s3cr").contains("client-id");
    }

    @Test
    void withersReplaceOneAspect() {
        IngestSettings sim = twitch.withTwitchEndpoints(URI.create("http://127.0.0.1:1/helix"),
                        URI.create("http://127.0.0.1:1/oauth2"), "127.0.0.1", 6000)
                .withThresholds(2, 4).withPollInterval(Duration.ofSeconds(3)).withTopics("c", "l");

        assertThat(sim.ircPort()).isEqualTo(6000);
        assertThat(sim.joinThreshold()).isEqualTo(2);
        assertThat(sim.pollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(sim.chatTopic()).isEqualTo("c");
        assertThat(sim.clientSecret()).isEqualTo(SECRET);
    }

    @Test
    void badValuesAreRejectedWithTheirNames() {
        assertThatThrownBy(() -> twitch.withThresholds(10, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(5)").hasMessageContaining("(10)");
        assertThatThrownBy(() -> twitch.withPollInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> IngestSettings.twitch("id", " ", "k:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret");
        assertThatThrownBy(() -> IngestSettings.twitch("id", "secret", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafkaBootstrapServers");
        assertThatThrownBy(() -> twitch.withTwitchEndpoints(twitch.helixBase(), twitch.oauthBase(), "h", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ircPort");
    }

    @Test
    void aServiceStartsOnceAndClosesEvenIfNeverStarted() {
        IngestService never = new IngestService(twitch, null);
        never.close();
        never.close();
        assertThat(never.joinedChannels()).isEmpty();
        assertThat(never.chatMessagesPublished()).isZero();
        assertThatThrownBy(never::start).isInstanceOf(IllegalStateException.class);
    }
}
