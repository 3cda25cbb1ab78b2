package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Get Streams, Create Clip, Get Clips and the cross-cutting Helix rules, over real HTTP. */
class HelixApiTest {

    private static final String TOKEN = "anytokenworksinlenientmode0001";
    private static TwitchSimulator sim;
    private final HttpTestClient http = new HttpTestClient();

    @BeforeAll
    static void start() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withViewerDriftInterval(Duration.ofHours(1))
                .withClipDelay(Duration.ofMillis(700))).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private URI helix(String pathAndQuery) {
        return URI.create(sim.helixBase() + pathAndQuery);
    }

    @Test
    void streamsPageThroughEveryLiveChannelByViewersDescending() throws Exception {
        List<JsonNode> streams = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpTestClient.Reply reply = http.get(helix("/streams?first=7" + (cursor == null ? "" : "&after=" + cursor)), TOKEN);
            assertThat(reply.status()).isEqualTo(200);
            reply.json().get("data").forEach(streams::add);
            JsonNode pagination = reply.json().get("pagination");
            cursor = pagination.has("cursor") ? pagination.get("cursor").asText() : null;
            if (cursor == null) {
                assertThat(pagination.size()).isZero(); // "pagination": {} on the last page
            }
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3); // 7 + 7 + 6
        assertThat(streams).hasSize(20);
        assertThat(streams).extracting(s -> s.get("user_login").asText()).doesNotHaveDuplicates()
                .containsExactlyElementsOf(sim.channels().stream().map(SimChannel::login).toList());
        for (int i = 1; i < streams.size(); i++) {
            assertThat(streams.get(i).get("viewer_count").asInt())
                    .isLessThanOrEqualTo(streams.get(i - 1).get("viewer_count").asInt());
        }
        JsonNode top = streams.get(0);
        assertThat(top.get("viewer_count").asInt()).isBetween(10_000, 99_999);
        assertThat(top.get("type").asText()).isEqualTo("live");
        assertThat(top.get("user_id").asText()).matches("[0-9]+");
        assertThat(top.get("id").asText()).matches("[0-9]+");
        assertThat(Instant.parse(top.get("started_at").asText())).isBefore(Instant.now());
        assertThat(top.get("thumbnail_url").asText()).contains("{width}x{height}");
        assertThat(top.get("tags").isArray()).isTrue();
        assertThat(top.get("is_mature").asBoolean()).isFalse();
        for (String field : List.of("user_name", "game_id", "game_name", "title", "language")) {
            assertThat(top.get(field).asText()).as(field).isNotEmpty();
        }
    }

    @Test
    void streamsFilterByRepeatedUserLogin() throws Exception {
        SimChannel a = sim.channels().get(2);
        SimChannel b = sim.channels().get(15);
        HttpTestClient.Reply reply = http.get(helix("/streams?user_login=" + b.login() + "&user_login=" + a.login()
                + "&user_login=nobody_by_that_name"), TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data")).extracting(s -> s.get("user_login").asText())
                .containsExactly(a.login(), b.login());
        assertThat(reply.json().get("pagination").size()).isZero();
    }

    @Test
    void streamsFilterByRepeatedUserIdAndLoginTogether() throws Exception {
        SimChannel a = sim.channels().get(1);
        SimChannel b = sim.channels().get(7);
        SimChannel c = sim.channels().get(12);
        HttpTestClient.Reply reply = http.get(helix("/streams?user_id=" + c.id() + "&user_id=" + a.id()
                + "&user_login=" + b.login().toUpperCase() + "&user_id=999999999"), TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data")).extracting(s -> s.get("user_id").asText())
                .containsExactly(a.id(), b.id(), c.id());
    }

    @Test
    void getUsersByIdAndLoginAndForTheTokensOwnUser() throws Exception {
        SimChannel a = sim.channels().get(0);
        SimChannel b = sim.channels().get(4);
        HttpTestClient.Reply reply = http.get(helix("/users?login=" + a.login() + "&id=" + b.id() + "&login=nobody_here"),
                TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data")).extracting(u -> u.get("login").asText())
                .containsExactlyInAnyOrder(a.login(), b.login());
        JsonNode first = reply.json().get("data").get(0);
        assertThat(first.get("id").asText()).matches("[0-9]+");
        assertThat(first.get("display_name").asText()).isNotBlank();
        assertThat(first.has("broadcaster_type")).isTrue();
        assertThat(first.get("created_at").asText()).endsWith("Z");

        HttpTestClient.Reply self = http.get(helix("/users"), TOKEN);
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.json().get("data")).extracting(u -> u.get("login").asText()).containsExactly("streamscoutbot");
    }

    @Test
    void badPageSizeAndBadCursorAreTwitchStyle400s() throws Exception {
        for (String query : List.of("first=0", "first=101", "first=abc", "after=not-a-cursor", "type=vodcast")) {
            HttpTestClient.Reply reply = http.get(helix("/streams?" + query), TOKEN);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).isEqualTo("Bad Request");
            assertThat(reply.json().get("status").asInt()).isEqualTo(400);
            assertThat(reply.json().get("message").asText()).isNotEmpty();
        }
    }

    @Test
    void missingCredentialsAre401WithRateLimitHeaders() throws Exception {
        HttpTestClient.Reply noAuth = http.get(helix("/streams"), null);
        assertThat(noAuth.status()).isEqualTo(401);
        assertThat(noAuth.json().get("error").asText()).isEqualTo("Unauthorized");
        assertThat(noAuth.json().get("status").asInt()).isEqualTo(401);
        assertThat(noAuth.header("Ratelimit-Limit")).isEqualTo("800");

        HttpTestClient.Reply noClientId = http.send(java.net.http.HttpRequest.newBuilder(helix("/streams"))
                .header("Authorization", "Bearer " + TOKEN).GET().build());
        assertThat(noClientId.status()).isEqualTo(401);

        HttpTestClient.Reply clipNoAuth = http.post(helix("/clips?broadcaster_id=" + sim.channels().get(0).id()), null);
        assertThat(clipNoAuth.status()).isEqualTo(401);
        assertThat(clipNoAuth.json().get("message").asText()).isNotEmpty();
    }

    @Test
    void everyHelixResponseCarriesRateLimitHeaders() throws Exception {
        long now = Instant.now().getEpochSecond();
        HttpTestClient.Reply first = http.get(helix("/streams?first=1"), "ratelimit-token");
        HttpTestClient.Reply second = http.get(helix("/streams?first=1"), "ratelimit-token");
        assertThat(first.header("Ratelimit-Limit")).isEqualTo("800");
        int remainingFirst = Integer.parseInt(first.header("Ratelimit-Remaining"));
        int remainingSecond = Integer.parseInt(second.header("Ratelimit-Remaining"));
        assertThat(remainingFirst).isBetween(790, 799);
        assertThat(remainingSecond).isLessThan(remainingFirst);
        long reset = Long.parseLong(second.header("Ratelimit-Reset"));
        assertThat(reset).isBetween(now, now + 61); // epoch seconds, not a delta
        HttpTestClient.Reply notFound = http.get(helix("/nothing-here"), TOKEN);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Ratelimit-Remaining")).isNotNull();
        assertThat(notFound.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void createdClipAppearsInGetClipsAfterTheDelay() throws Exception {
        SimChannel channel = sim.channels().get(1);
        HttpTestClient.Reply created = http.post(helix("/clips?broadcaster_id=" + channel.id()
                + "&title=Big%20play&duration=20&has_delay=false"), TOKEN);
        assertThat(created.status()).isEqualTo(202);
        String id = created.json().get("data").get(0).get("id").asText();
        assertThat(created.json().get("data").get(0).get("edit_url").asText())
                .isEqualTo("https://clips.twitch.tv/" + id + "/edit");

        HttpTestClient.Reply early = http.get(helix("/clips?id=" + id), TOKEN);
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.json().get("data")).isEmpty();

        JsonNode clip = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (clip == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            JsonNode data = http.get(helix("/clips?id=" + id), TOKEN).json().get("data");
            clip = data.isEmpty() ? null : data.get(0);
        }
        assertThat(clip).as("clip visible after the delay").isNotNull();
        assertThat(clip.get("id").asText()).isEqualTo(id);
        assertThat(clip.get("url").asText()).isEqualTo("https://clips.twitch.tv/" + id);
        assertThat(clip.get("broadcaster_id").asText()).isEqualTo(channel.id());
        assertThat(clip.get("broadcaster_name").asText()).isEqualTo(channel.displayName());
        assertThat(clip.get("title").asText()).isEqualTo("Big play");
        assertThat(clip.get("duration").asDouble()).isEqualTo(20.0);
        assertThat(Instant.parse(clip.get("created_at").asText())).isBefore(Instant.now());
        for (String field : List.of("embed_url", "creator_id", "creator_name", "video_id", "game_id", "language",
                "view_count", "thumbnail_url", "vod_offset")) {
            assertThat(clip.has(field)).as(field).isTrue();
        }
        assertThat(sim.clips()).extracting(SimClip::id).contains(id);
    }

    @Test
    void clipOfUnknownOrOfflineChannelIs404() throws Exception {
        assertThat(http.post(helix("/clips?broadcaster_id=1"), TOKEN).status()).isEqualTo(404);
        assertThat(http.post(helix("/clips"), TOKEN).status()).isEqualTo(400);
        assertThat(http.post(helix("/clips?broadcaster_id=" + sim.channels().get(0).id() + "&duration=3"), TOKEN)
                .status()).isEqualTo(400);
        SimChannel last = sim.channels().get(19);
        sim.setLive(last.login(), false);
        try {
            HttpTestClient.Reply offline = http.post(helix("/clips?broadcaster_id=" + last.id()), TOKEN);
            assertThat(offline.status()).isEqualTo(404);
            assertThat(offline.json().get("error").asText()).isEqualTo("Not Found");
            JsonNode streams = http.get(helix("/streams?first=100"), TOKEN).json().get("data");
            assertThat(streams).extracting(s -> s.get("user_id").asText()).doesNotContain(last.id()).hasSize(19);
        } finally {
            sim.setLive(last.login(), true);
        }
    }

    @Test
    void injectedFailuresHitExactlyTheNextCalls() throws Exception {
        String broadcaster = sim.channels().get(0).id();
        sim.failNextCreateClips(2, 503);
        HttpTestClient.Reply first = http.post(helix("/clips?broadcaster_id=" + broadcaster), TOKEN);
        HttpTestClient.Reply second = http.post(helix("/clips?broadcaster_id=" + broadcaster), TOKEN);
        HttpTestClient.Reply third = http.post(helix("/clips?broadcaster_id=" + broadcaster), TOKEN);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("error").asText()).isEqualTo("Service Unavailable");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(202);
    }

    @Test
    void getClipsNeedsASelector() throws Exception {
        assertThat(http.get(helix("/clips"), TOKEN).status()).isEqualTo(400);
        HttpTestClient.Reply unknown = http.get(helix("/clips?id=NoSuchClip-abc"), TOKEN);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("data")).isEmpty();
    }

    @Test
    void unknownPathsAnswerJson404() throws Exception {
        HttpTestClient.Reply reply = http.get(URI.create("http://127.0.0.1:" + sim.httpPort() + "/nope"), null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("status").asInt()).isEqualTo(404);
        assertThat(reply.raw().body()).doesNotContain("Exception", "at dev.");
    }
}
