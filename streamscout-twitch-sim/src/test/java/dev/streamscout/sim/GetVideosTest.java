package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.twitch.helix.HelixClient;
import dev.streamscout.twitch.helix.HelixException;
import dev.streamscout.twitch.helix.HelixVideo;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Get Videos on the simulator, over real HTTP: every live channel has one archive per stream, found
 * by user id or video id, renewed when the channel goes live again; also through the project's
 * {@link HelixClient}.
 */
class GetVideosTest {

    private static final String TOKEN = "anytokenworksinlenientmode0001";
    private static TwitchSimulator sim;
    private final HttpTestClient http = new HttpTestClient();

    @BeforeAll
    static void start() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withViewerDriftInterval(Duration.ofHours(1))).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private URI helix(String pathAndQuery) {
        return URI.create(sim.helixBase() + pathAndQuery);
    }

    @Test
    void aLiveChannelsArchiveIsItsCurrentStreamsVod() throws Exception {
        SimChannel channel = sim.channels().get(3);

        HttpTestClient.Reply reply = http.get(helix("/videos?user_id=" + channel.id() + "&type=archive&first=1"), TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data")).hasSize(1);
        JsonNode video = reply.json().get("data").get(0);
        assertThat(video.get("id").asText()).isEqualTo(channel.videoId()).matches("[0-9]{10}");
        assertThat(video.get("stream_id").asText()).isEqualTo(channel.streamId());
        assertThat(video.get("user_login").asText()).isEqualTo(channel.login());
        assertThat(video.get("type").asText()).isEqualTo("archive");
        assertThat(video.get("created_at").asText()).isEqualTo(channel.startedAt().toString());
        assertThat(video.get("url").asText()).isEqualTo("https://www.twitch.tv/videos/" + channel.videoId());
        assertThat(video.get("duration").asText()).matches("([0-9]+h)?([0-9]+m)?[0-9]+s");

        HttpTestClient.Reply byId = http.get(helix("/videos?id=" + channel.videoId()), TOKEN);
        assertThat(byId.json().get("data")).singleElement()
                .satisfies(v -> assertThat(v.get("user_id").asText()).isEqualTo(channel.id()));
    }

    @Test
    void goingLiveAgainRecordsANewArchive() {
        SimChannel before = sim.channels().get(7);
        HelixClient client = new HelixClient(sim.helixBase(), HttpTestClient.CLIENT_ID, () -> TOKEN);

        sim.setLive(before.login(), false);
        Optional<HelixVideo> whileOffline = client.getLatestArchive(before.id());
        sim.setLive(before.login(), true);
        Optional<HelixVideo> afterRestart = client.getLatestArchive(before.id());

        assertThat(whileOffline).map(HelixVideo::id).contains(before.videoId());
        SimChannel after = sim.channel(before.login()).orElseThrow();
        assertThat(after.videoId()).isNotEqualTo(before.videoId());
        assertThat(afterRestart).hasValueSatisfying(v -> {
            assertThat(v.id()).isEqualTo(after.videoId());
            assertThat(v.streamId()).isEqualTo(after.streamId());
            assertThat(v.userId()).isEqualTo(before.id());
            assertThat(v.createdAt()).isEqualTo(after.startedAt());
        });
    }

    @Test
    void unknownUsersAndOtherVideoTypesHaveNoArchive() throws Exception {
        HelixClient client = new HelixClient(sim.helixBase(), HttpTestClient.CLIENT_ID, () -> TOKEN);
        SimChannel channel = sim.channels().get(0);

        assertThat(client.getLatestArchive("1")).isEmpty();
        assertThat(http.get(helix("/videos?user_id=" + channel.id() + "&type=highlight"), TOKEN).json().get("data"))
                .isEmpty();
    }

    @Test
    void badRequestsAreTwitchStyle400sAndInjectedFailuresReachTheClient() throws Exception {
        SimChannel channel = sim.channels().get(0);
        assertThat(http.get(helix("/videos"), TOKEN).status()).isEqualTo(400);
        assertThat(http.get(helix("/videos?user_id=" + channel.id() + "&id=1"), TOKEN).status()).isEqualTo(400);
        assertThat(http.get(helix("/videos?user_id=" + channel.id() + "&type=clip"), TOKEN).status()).isEqualTo(400);
        assertThat(http.get(helix("/videos?user_id=" + channel.id() + "&first=0"), TOKEN).status()).isEqualTo(400);

        sim.failNext(SimEndpoint.GET_VIDEOS, 1, 503);
        HelixClient client = new HelixClient(sim.helixBase(), HttpTestClient.CLIENT_ID, () -> TOKEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.getLatestArchive(channel.id()))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(client.getLatestArchive(channel.id())).isPresent();
    }
}
