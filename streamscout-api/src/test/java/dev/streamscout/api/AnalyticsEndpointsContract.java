package dev.streamscout.api;

import static dev.streamscout.api.ApiTestSupport.NOW;
import static dev.streamscout.api.ApiTestSupport.get;
import static dev.streamscout.api.ApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.TestAbortedException;

/**
 * {@code /streams}, {@code /streams/{id}/metrics}, {@code /streams/{id}/moments} and
 * {@code /api/channels/{id}/stats} over real HTTP on a random port, on the database the subclass gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyticsEndpointsContract {

    private TestStore store;
    private ApiServer server;
    private int port;
    private String skipReason;

    abstract TestStore createStore();

    @BeforeAll
    void start() {
        try {
            store = createStore();
        } catch (TestAbortedException e) {
            skipReason = e.getMessage();
            return;
        }
        AnalyticsFixture.seed(store.database());
        server = AnalyticsFixture.server(store.database()).build().start();
        port = server.port();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private HttpResponse<String> call(String pathAndQuery) {
        org.junit.jupiter.api.Assumptions.assumeTrue(skipReason == null, skipReason);
        return get(port, pathAndQuery);
    }

    private JsonNode ok(String pathAndQuery) {
        HttpResponse<String> response = call(pathAndQuery);
        assertThat(response.statusCode()).as("%s -> %s", pathAndQuery, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        return json(response);
    }

    @Test
    void bootScriptCarriesTheStreamListAndTheLiveChannelsChatMinutes() throws Exception {
        HttpResponse<String> response = call("/boot.js");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/javascript"));
        String prefix = "window.STREAMSCOUT_BOOT = ";
        String body = response.body();
        assertThat(body).startsWith(prefix).endsWith(";\n");
        JsonNode boot = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body.substring(prefix.length(), body.length() - 2));
        assertThat(boot.get("streams")).extracting(s -> s.get("login").asText())
                .containsExactly("beta", "alpha", "gamma");
        // alpha is live and chatted 10..19 messages in its last ten minutes: [epoch second, messages] pairs.
        JsonNode alpha = boot.get("chat_per_minute").get("1001");
        assertThat(alpha).isNotNull();
        assertThat(alpha).extracting(pair -> pair.get(1).asInt()).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(alpha.get(0).get(0).asLong() % 60).isZero();
        assertThat(boot.get("chat_per_minute").has("1003")).as("offline gamma has no chart line").isFalse();
    }

    @Test
    void streamsListsLiveChannelsFirstByViewersWithTheirActivity() {
        JsonNode streams = ok("/streams").get("streams");

        assertThat(streams).extracting(s -> s.get("login").asText()).containsExactly("beta", "alpha", "gamma");
        JsonNode alpha = streams.get(1);
        assertThat(alpha.get("channel_id").asText()).isEqualTo("1001");
        assertThat(alpha.get("display_name").asText()).isEqualTo("Alpha");
        assertThat(alpha.get("is_live").asBoolean()).isTrue();
        assertThat(alpha.get("viewer_count").asInt()).isEqualTo(500);
        assertThat(alpha.get("started_at").asText()).isEqualTo("2026-01-11T10:00:00Z");
        assertThat(alpha.get("title").asText()).isEqualTo("Alpha's <b>stream</b>");
        assertThat(alpha.get("game_name").asText()).isEqualTo("Chess");
        assertThat(alpha.get("updated_at").asText()).isEqualTo("2026-01-11T11:59:55Z");
        assertThat(alpha.get("chat_messages_last_minute").asInt()).isEqualTo(19); // the newest minute
        assertThat(alpha.get("last_moment_at").asText()).isEqualTo("2026-01-11T11:59:00Z");
        assertThat(streams.get(0).get("last_moment_at").isNull()).isTrue();
        assertThat(streams.get(2).get("started_at").isNull()).isTrue();

        assertThat(ok("/streams?live=false").get("streams")).extracting(s -> s.get("login").asText())
                .containsExactly("gamma");
        assertThat(ok("/streams?live=TRUE").get("streams")).extracting(s -> s.get("login").asText())
                .containsExactly("beta", "alpha");
    }

    @Test
    void metricsDefaultToTheLastHourByMinuteWithEveryBucketPresent() {
        JsonNode metrics = ok("/streams/1001/metrics");

        assertThat(metrics.get("channel_id").asText()).isEqualTo("1001");
        assertThat(metrics.get("login").asText()).isEqualTo("alpha");
        assertThat(metrics.get("from").asText()).isEqualTo("2026-01-11T11:00:00Z");
        assertThat(metrics.get("to").asText()).isEqualTo("2026-01-11T12:00:00Z");
        assertThat(metrics.get("resolution_seconds").asInt()).isEqualTo(60);
        JsonNode points = metrics.get("points");
        assertThat(points).hasSize(60);
        JsonNode silent = points.get(0);
        assertThat(silent.get("t").asText()).isEqualTo("2026-01-11T11:00:00Z");
        assertThat(silent.get("messages").asLong()).isZero();
        assertThat(silent.get("sentiment").isNull()).isTrue();
        assertThat(silent.get("viewers").isNull()).isTrue();
        JsonNode minuteTen = points.get(50); // 11:50, the oldest summarised minute
        assertThat(minuteTen.get("messages").asLong()).isEqualTo(10);
        assertThat(minuteTen.get("unique_chatters").asInt()).isEqualTo(2);
        assertThat(minuteTen.get("sentiment").asDouble()).isEqualTo(0.5);
        assertThat(minuteTen.get("viewers").asInt()).isEqualTo(400 + 570); // samples at 11:50:00 and :30
        long total = StreamSupport.stream(points.spliterator(), false).mapToLong(p -> p.get("messages").asLong()).sum();
        assertThat(total).isEqualTo(145); // 10 + 11 + ... + 19

        assertThat(metrics.get("top_chatters").get(0).get("login").asText()).isEqualTo("bob"); // 0+1+...+9 = 45
        assertThat(metrics.get("top_chatters").get(0).get("messages").asLong()).isEqualTo(45);
        assertThat(metrics.get("top_chatters").get(1).get("messages").asLong()).isEqualTo(30);
        assertThat(metrics.get("top_emotes").get(0).get("emote").asText()).isEqualTo("PogChamp");
        assertThat(metrics.get("top_emotes").get(0).get("count").asLong()).isEqualTo(20);
    }

    @Test
    void metricsByLoginInAnyCaseAtACoarserResolutionAlignTheirBuckets() {
        JsonNode metrics = ok("/streams/ALPHA/metrics?resolution=5m&from=2026-01-11T11:47:00Z&to=2026-01-11T12:00:00Z");

        assertThat(metrics.get("channel_id").asText()).isEqualTo("1001");
        assertThat(metrics.get("from").asText()).isEqualTo("2026-01-11T11:45:00Z");
        assertThat(metrics.get("points")).extracting(p -> p.get("t").asText())
                .containsExactly("2026-01-11T11:45:00Z", "2026-01-11T11:50:00Z", "2026-01-11T11:55:00Z");
        JsonNode first = metrics.get("points").get(1);
        assertThat(first.get("messages").asLong()).isEqualTo(10 + 11 + 12 + 13 + 14);
        assertThat(first.get("unique_chatters").asInt()).isEqualTo(6); // the busiest minute's
        // Weighted: (10 + 12 + 14) * 0.5 - (11 + 13) * 0.5 over 60 messages.
        assertThat(first.get("sentiment").asDouble()).isCloseTo(6.0 / 60, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.get("viewers").asInt()).isEqualTo(400 + 330); // the last sample before 11:55
        assertThat(ok("/streams/1001/metrics?resolution=1h&from=2026-01-04T12:00:00Z").get("points")).hasSize(168);
    }

    @Test
    void momentsPageNewestFirstAndTheCursorWalksEveryMomentOnce() {
        JsonNode first = ok("/streams/alpha/moments?limit=3");

        assertThat(first.get("channel_id").asText()).isEqualTo("1001");
        assertThat(first.get("login").asText()).isEqualTo("alpha");
        JsonNode moments = first.get("moments");
        assertThat(moments).extracting(m -> m.get("type").asText())
                .containsExactly("chat_spike", "viewer_drop", "chat_spike");
        JsonNode newest = moments.get(0);
        assertThat(newest.get("id").asText()).isEqualTo("1001:" + NOW.minusSeconds(60).getEpochSecond());
        assertThat(newest.get("peak").asText()).isEqualTo("2026-01-11T11:59:00Z");
        assertThat(newest.get("start").asText()).isEqualTo("2026-01-11T11:58:56Z");
        assertThat(newest.get("intensity").asDouble()).isEqualTo(13.0);
        assertThat(newest.get("baseline_stddev").asDouble()).isEqualTo(1.25);
        // A viewer drop's baseline (the viewers before it) has no spread: null, not 0.
        assertThat(moments.get(1).get("baseline_stddev").isNull()).isTrue();
        assertThat(newest.get("vod_offset_seconds").asLong()).isEqualTo(2 * 3600 - 60);
        assertThat(newest.get("vod_url").asText()).isEqualTo(AnalyticsFixture.NEWEST_VOD_URL);
        assertThat(moments.get(2).get("vod_url").isNull()).isTrue();
        assertThat(newest.get("clip").get("status").asText()).isEqualTo("CREATED");
        assertThat(newest.get("clip").get("url").asText()).isEqualTo("https://clips.twitch.tv/AlphaClip");
        assertThat(newest.get("sample_messages").get(1).get("user").asText()).isEqualTo("bob_99");
        assertThat(newest.get("sample_messages").get(1).get("text").asText()).isEqualTo(AnalyticsFixture.XSS);
        assertThat(newest.get("sample_messages").get(2).get("user").isNull()).isTrue();
        assertThat(moments.get(1).get("clip").isNull()).isTrue();
        assertThat(moments.get(2).get("clip").get("failure_reason").asText()).isEqualTo("403: clips disabled");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/streams/1001/moments?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("moments").forEach(m -> seen.add(m.get("peak").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(4); // 26 moments, 7 a page
        assertThat(seen).hasSize(AnalyticsFixture.ALPHA_SPIKES + 1).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void momentsFilterByIntensityTypeAndRange() {
        assertThat(ok("/streams/1001/moments?min_intensity=12&limit=100").get("moments"))
                .extracting(m -> m.get("intensity").asDouble()).containsExactly(13.0, 12.5, 12.0);
        assertThat(ok("/streams/1001/moments?type=viewer_drop").get("moments"))
                .extracting(m -> m.get("type").asText()).containsExactly("viewer_drop");
        JsonNode window = ok("/streams/1001/moments?from=2026-01-11T11:55:00Z&to=2026-01-11T11:57:00Z").get("moments");
        assertThat(window).extracting(m -> m.get("peak").asText())
                .containsExactly("2026-01-11T11:56:00Z", "2026-01-11T11:55:00Z");
        assertThat(ok("/streams/beta/moments").get("moments")).isEmpty();
        assertThat(ok("/streams/beta/moments").get("next_cursor").isNull()).isTrue();
    }

    @Test
    void statsCountTheCurrentTenMinuteWindowInEpochSeconds() {
        try (ApiServer atHalfPast = AnalyticsFixture.server(store.database())
                .clock(java.time.Clock.fixed(Instant.parse("2026-01-11T11:39:59Z"), java.time.ZoneOffset.UTC))
                .build()
                .start()) {
            assertThat(json(get(atHalfPast.port(), "/api/channels/quiet/stats")).get("message_count").asLong())
                    .isEqualTo(4);
        }
        JsonNode stats = ok("/api/channels/alpha/stats");

        long windowStart = NOW.getEpochSecond(); // 12:00:00 is itself a window boundary
        assertThat(stats.get("channel_id").asText()).isEqualTo("1001");
        assertThat(stats.get("current_window").get("start").asLong()).isEqualTo(windowStart);
        assertThat(stats.get("current_window").get("end").asLong()).isEqualTo(windowStart + 600);
        assertThat(stats.get("current_window").get("duration_seconds").asInt()).isEqualTo(600);
        assertThat(stats.get("message_count").asLong()).isZero(); // no minute of the new window has closed
        assertThat(stats.get("last_updated").asLong()).isEqualTo(NOW.getEpochSecond());

        JsonNode quiet = ok("/api/channels/2001/stats");
        assertThat(quiet.get("channel_id").asText()).isEqualTo("2001");
        assertThat(quiet.get("last_updated").asLong()).isEqualTo(NOW.minus(Duration.ofMinutes(29)).getEpochSecond());
        JsonNode neverChatted = ok("/api/channels/gamma/stats");
        assertThat(neverChatted.get("message_count").asLong()).isZero();
        assertThat(neverChatted.get("last_updated").isNull()).isTrue();
    }

    @Test
    void statsSumTheMinutesOfTheWindowInProgressAndNoOthers() {
        // Inside the window 11:50-12:00 the ten minutes 11:50..11:59 count; 11:40 and earlier do not.
        try (ApiServer later = AnalyticsFixture.server(store.database())
                .clock(java.time.Clock.fixed(Instant.parse("2026-01-11T11:55:30Z"), java.time.ZoneOffset.UTC))
                .bindJvmMetrics(false)
                .build()
                .start()) {
            HttpResponse<String> response = get(later.port(), "/api/channels/1001/stats");
            JsonNode stats = json(response);
            assertThat(stats.get("message_count").asLong()).isEqualTo(145);
            assertThat(json(get(later.port(), "/api/channels/quiet/stats")).get("message_count").asLong()).isZero();
            assertThat(stats.get("current_window").get("start").asLong())
                    .isEqualTo(Instant.parse("2026-01-11T11:50:00Z").getEpochSecond());
        }
    }

    @Test
    void archivedMessagesDefaultToTheLastHourOldestFirstAsJsonOrNdjson() throws Exception {
        JsonNode page = ok("/api/channels/alpha/messages");

        assertThat(page.get("channel_id").asText()).isEqualTo("1001");
        assertThat(page.get("count").asInt()).isEqualTo(100);
        JsonNode first = page.get("messages").get(0);
        assertThat(first.get("sent_at").asText()).isEqualTo("2026-01-11T11:00:00Z"); // 360 x 10 s before NOW
        assertThat(first.get("message_id").asText()).isEqualTo("raw-360");
        assertThat(first.get("emotes").get(0).asText()).isEqualTo("Kappa");

        JsonNode last = ok("/api/channels/1001/messages?from=2026-01-11T11:59:50Z&limit=1000").get("messages");
        assertThat(last).hasSize(1);
        assertThat(last.get(0).get("message").asText()).isEqualTo(AnalyticsFixture.XSS);
        assertThat(ok("/api/channels/1001/messages?from=2026-01-11T10:00:00Z&limit=1000").get("count").asInt())
                .isEqualTo(AnalyticsFixture.RAW_MESSAGES);

        HttpResponse<String> ndjson = call("/api/channels/alpha/messages?format=ndjson&limit=3");
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/x-ndjson"));
        List<String> lines = ndjson.body().lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(dev.streamscout.core.json.Json.mapper().readTree(line).get("message_id").asText())
                    .startsWith("raw-");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/streams/nope/moments", "/api/channels/nope/messages", "/streams/nope/metrics", "/api/channels/nope/stats",
        "/streams/%20/moments", "/streams/' OR '1'='1/metrics",
        "/streams/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/moments"})
    void unknownChannelsAre404Problems(String path) {
        HttpResponse<String> response = call(path.replace(" ", "%20").replace("'", "%27"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(response).get("detail").asText()).contains("No channel");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/streams?live=maybe                                              | live",
        "/streams/1001/metrics?resolution=2m                              | resolution",
        "/streams/1001/metrics?resolution=1M                              | resolution",
        "/streams/1001/metrics?from=yesterday                             | from",
        "/streams/1001/metrics?to=2026-13-01T00:00:00Z                    | to",
        "/streams/1001/metrics?from=2026-01-11T12:00:00Z&to=2026-01-11T11:00:00Z | from",
        "/streams/1001/metrics?from=2026-01-01T00:00:00Z&to=2026-01-11T00:00:00Z | from",
        "/streams/1001/metrics?from=0000-01-01T00:00:00Z                  | from",
        "/streams/1001/moments?limit=0                                    | limit",
        "/streams/1001/moments?limit=101                                  | limit",
        "/streams/1001/moments?limit=abc                                  | limit",
        "/streams/1001/moments?min_intensity=abc                          | min_intensity",
        "/streams/1001/moments?min_intensity=NaN                          | min_intensity",
        "/streams/1001/moments?min_intensity=Infinity                     | min_intensity",
        "/streams/1001/moments?min_intensity=0x1p3                        | min_intensity",
        "/streams/1001/moments?type=clip                                  | type",
        "/streams/1001/moments?cursor=not-a-cursor                        | cursor",
        "/streams/1001/moments?cursor=bTE6OTk5OTk5OTk5OTk5OTk5OTk5OTk6eA  | cursor",
        "/streams/1001/moments?cursor=bTE6OTAwMDAwMDAwMDAwMDAwMDp4 | cursor",
        "/streams/1001/moments?from=2026-01-11T12:00:00Z&to=2026-01-11T12:00:00Z | from",
        "/api/channels/1001/messages?limit=0                              | limit",
        "/api/channels/1001/messages?limit=1001                           | limit",
        "/api/channels/1001/messages?format=csv                           | format",
        "/api/channels/1001/messages?to=soon                              | to",
    })
    void badParametersAre400ProblemsNamingTheParameter(String pathAndQuery, String parameter) {
        HttpResponse<String> response = call(pathAndQuery);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("type").asText()).isEqualTo("urn:streamscout:problem:invalid-parameter");
        assertThat(problem.get("detail").asText()).contains(parameter);
    }

    @Test
    void aServerWithoutTheAnalyticsStoreSays503() {
        org.junit.jupiter.api.Assumptions.assumeTrue(skipReason == null, skipReason);
        try (ApiServer bare = ApiServer.builder(ApiSettings.loopback(0))
                .clips(new dev.streamscout.store.ClipDao(store.database().dataSource()))
                .bindJvmMetrics(false)
                .build()
                .start()) {
            for (String path : List.of("/streams", "/streams/1001/metrics", "/streams/1001/moments",
                    "/api/channels/1001/stats", "/api/channels/1001/messages")) {
                HttpResponse<String> response = get(bare.port(), path);
                assertThat(response.statusCode()).as(path).isEqualTo(503);
                assertThat(json(response).get("status").asInt()).isEqualTo(503);
            }
        }
    }
}
