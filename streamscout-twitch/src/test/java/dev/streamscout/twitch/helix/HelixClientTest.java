package dev.streamscout.twitch.helix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.twitch.testing.RecordingHttpServer;
import dev.streamscout.twitch.testing.RecordingHttpServer.Request;
import dev.streamscout.twitch.testing.RecordingHttpServer.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HelixClient against a real loopback HTTP server speaking Twitch's shapes (helix_examples.md). */
class HelixClientTest {

    private static final String CLIENT_ID = "wbmytr93xzw8zbg0p1izqyzzc5mbiz";
    private static final String TOKEN = "2gbdx6oar67tqtcmt49t3wpcgycthx";

    /** Get Streams example 1 from the Twitch reference, verbatim fields, one stream. */
    private static final String STREAMS_PAGE_1 = """
            {"data":[{"id":"123456789","user_id":"98765","user_login":"sandysanderman","user_name":"SandySanderman",
              "game_id":"494131","game_name":"Little Nightmares","type":"live",
              "title":"hablamos y le damos a Little Nightmares 1","tags":["Español"],"viewer_count":78365,
              "started_at":"2021-03-10T15:04:21Z","language":"es",
              "thumbnail_url":"https://static-cdn.jtvnw.net/previews-ttv/live_user_auronplay-{width}x{height}.jpg",
              "tag_ids":[],"is_mature":false}],
             "pagination":{"cursor":"eyJiIjp7IkN1cnNvciI6ImV5SnpJam8zT0RNMk5TNDBORFF4In19"}}""";

    private static final String CLIP = """
            {"data":[{"id":"RandomClip1","url":"https://clips.twitch.tv/AwkwardHelplessSalamanderSwiftRage",
              "embed_url":"https://clips.twitch.tv/embed?clip=RandomClip1","broadcaster_id":"1234",
              "broadcaster_name":"JJ","creator_id":"123456","creator_name":"MrMarshall","video_id":"",
              "game_id":"33103","language":"en","title":"random1","view_count":10,
              "created_at":"2017-11-30T22:34:18Z",
              "thumbnail_url":"https://clips-media-assets.twitch.tv/157589949-preview-480x272.jpg",
              "duration":12.9,"vod_offset":1957,"is_featured":true}],
             "pagination":{"cursor":"eyJiIjpudWxsLCJhIjoiIn0"}}""";

    private RecordingHttpServer server;
    private HelixClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer(r -> Response.json(500, "{}"));
        client = new HelixClient(server.uri("/helix"), CLIENT_ID, () -> TOKEN, HttpClient.newHttpClient(),
                Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void getStreamsMapsHelixFieldsAndSendsAuthHeaders() {
        server.respondWith(r -> Response.json(200, STREAMS_PAGE_1).withHeader("Ratelimit-Remaining", "799"));

        StreamsPage page = client.getStreams(20, null);

        assertThat(page.streams()).containsExactly(new StreamStatus("98765", "sandysanderman", "SandySanderman",
                78365, Instant.parse("2021-03-10T15:04:21Z"), "hablamos y le damos a Little Nightmares 1",
                "Little Nightmares"));
        assertThat(page.cursor()).isEqualTo("eyJiIjp7IkN1cnNvciI6ImV5SnpJam8zT0RNMk5TNDBORFF4In19");
        Request sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/helix/streams");
        assertThat(sent.query()).isEqualTo("first=20");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.header("Client-Id")).isEqualTo(CLIENT_ID);
    }

    @Test
    void lastPageHasNoCursorAndAfterIsSent() {
        server.respondWith(r -> Response.json(200, "{\"data\":[],\"pagination\":{}}"));

        StreamsPage page = client.getStreams(100, "abc/def=");

        assertThat(page.streams()).isEmpty();
        assertThat(page.cursor()).isNull();
        assertThat(page.nextCursor()).isEmpty();
        assertThat(server.requests().get(0).query()).isEqualTo("first=100&after=abc%2Fdef%3D");
    }

    @Test
    void topStreamsFollowsCursorsUntilLimit() {
        FakeStreams fake = new FakeStreams(250);
        server.respondWith(fake::answer);

        List<StreamStatus> top = client.getTopStreams(230);

        assertThat(top).hasSize(230);
        assertThat(top).extracting(StreamStatus::viewerCount).isSortedAccordingTo((a, b) -> b - a);
        assertThat(top.get(0).channelId()).isEqualTo("1000");
        assertThat(top.get(229).channelId()).isEqualTo("1229");
        assertThat(server.requests()).extracting(Request::query)
                .containsExactly("first=100", "first=100&after=c100", "first=100&after=c200");
    }

    @Test
    void topStreamsStopsOnLastPage() {
        FakeStreams fake = new FakeStreams(7);
        server.respondWith(fake::answer);

        List<StreamStatus> top = client.getTopStreams(5);
        assertThat(top).hasSize(5);
        assertThat(server.requests()).extracting(Request::query).containsExactly("first=5");

        List<StreamStatus> all = client.getTopStreams(50);
        assertThat(all).hasSize(7);
        assertThat(all).extracting(StreamStatus::login).doesNotHaveDuplicates();
        assertThat(client.getTopStreams(0)).isEmpty();
    }

    @Test
    void createClipSendsQueryAndReads202() {
        server.respondWith(r -> Response.json(202,
                "{\"data\":[{\"id\":\"FiveWordsForClipSlug\",\"edit_url\":\"https://clips.twitch.tv/FiveWordsForClipSlug/edit\"}]}"));

        CreatedClip clip = client.createClip("141981764", "Chat erupts: PogChamp x 40 & more", 30);

        assertThat(clip).isEqualTo(new CreatedClip("FiveWordsForClipSlug", "https://clips.twitch.tv/FiveWordsForClipSlug/edit"));
        Request sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/helix/clips");
        assertThat(queryParams(sent)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "broadcaster_id", "141981764", "title", "Chat erupts: PogChamp x 40 & more", "duration", "30"));
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void createClipWithoutOptionalParameters() {
        server.respondWith(r -> Response.json(202, "{\"data\":[{\"id\":\"abc\",\"edit_url\":\"e\"}]}"));
        client.createClip("1234", null, null);
        assertThat(server.requests().get(0).query()).isEqualTo("broadcaster_id=1234");
        assertThatThrownBy(() -> client.createClip("1234", null, 61)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.createClip(" ", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notLiveIs404WithTwitchErrorBody() {
        server.respondWith(r -> Response.json(404,
                "{\"error\":\"Not Found\",\"status\":404,\"message\":\"Clipping is not possible for an offline channel.\"}"));

        HelixException e = catchHelix(() -> client.createClip("1234", null, null));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.retryable()).isFalse();
        assertThat(e.errorBody()).contains(new HelixErrorBody("Not Found", 404, "Clipping is not possible for an offline channel."));
        assertThat(e.rateLimitResetEpochSeconds()).isEmpty();
        assertThat(e.getMessage()).contains("POST /helix/clips?broadcaster_id=1234").contains("404");
    }

    @Test
    void clipsDisabledIs403() {
        server.respondWith(r -> Response.json(403,
                "{\"error\":\"Forbidden\",\"status\":403,\"message\":\"The broadcaster has restricted the ability to capture clips.\"}"));
        HelixException e = catchHelix(() -> client.createClip("1234", null, null));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.retryable()).isFalse();
        assertThat(e.errorBody().map(HelixErrorBody::error)).contains("Forbidden");
    }

    @Test
    void rateLimitedIs429WithResetTime() {
        server.respondWith(r -> Response.json(429, "{\"error\":\"Too Many Requests\",\"status\":429,\"message\":\"slow down\"}")
                .withHeader("Ratelimit-Limit", "800").withHeader("Ratelimit-Remaining", "0")
                .withHeader("Ratelimit-Reset", "1781653392"));
        HelixException e = catchHelix(() -> client.getStreams(10, null));
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryable()).isTrue();
        assertThat(e.rateLimitResetEpochSeconds()).hasValue(1781653392L);
    }

    @Test
    void unavailableIs503Retryable() {
        server.respondWith(r -> Response.json(503, "{\"error\":\"Service Unavailable\",\"status\":503,\"message\":\"\"}"));
        HelixException e = catchHelix(() -> client.getClip("abc"));
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryable()).isTrue();
        assertThat(e.errorBody().map(HelixErrorBody::message)).contains("");
    }

    @Test
    void errorWithoutJsonBodyStillReportsStatus() {
        server.respondWith(r -> new Response(502, "<html>Bad Gateway</html>", Map.of(), 0));
        HelixException e = catchHelix(() -> client.getStreams(1, null));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.retryable()).isTrue();
        assertThat(e.errorBody()).isEmpty();
        assertThat(e.getMessage()).contains("Bad Gateway");
    }

    @Test
    void malformedBodiesBecomeHelixExceptions() {
        Map<String, String> bodies = new HashMap<>();
        bodies.put("not json", "{\"data\":[{\"user_id\":");
        bodies.put("empty", "");
        bodies.put("array root", "[1,2]");
        bodies.put("no data", "{\"pagination\":{}}");
        bodies.put("data not array", "{\"data\":{}}");
        bodies.put("item not object", "{\"data\":[42]}");
        bodies.put("missing user_id", "{\"data\":[{\"user_login\":\"a\"}]}");
        bodies.put("viewer_count text", "{\"data\":[{\"user_id\":\"1\",\"user_login\":\"a\",\"viewer_count\":\"many\"}]}");
        bodies.put("bad started_at", "{\"data\":[{\"user_id\":\"1\",\"user_login\":\"a\",\"started_at\":\"yesterday\"}]}");
        AtomicReference<String> current = new AtomicReference<>();
        server.respondWith(r -> Response.json(200, current.get()));
        bodies.forEach((name, body) -> {
            current.set(body);
            HelixException e = catchHelix(() -> client.getStreams(5, null));
            assertThat(e.status()).as(name).isEqualTo(200);
            assertThat(e.retryable()).as(name).isFalse();
            assertThat(e.getMessage()).as(name).contains("malformed body");
        });
        current.set("{\"data\":[]}");
        assertThat(catchHelix(() -> client.createClip("1", null, null)).getMessage()).contains("data[0]");
        current.set("{\"data\":[{\"edit_url\":\"x\"}]}");
        assertThat(catchHelix(() -> client.createClip("1", null, null)).getMessage()).contains("data[0].id");
    }

    @Test
    void getClipIsEmptyWhileProcessingThenMapsFields() {
        AtomicReference<String> body = new AtomicReference<>("{\"data\":[]}");
        server.respondWith(r -> Response.json(200, body.get()));

        assertThat(client.getClip("RandomClip1")).isEmpty();
        body.set(CLIP);
        Optional<HelixClip> clip = client.getClip("RandomClip1");

        assertThat(clip).contains(new HelixClip("RandomClip1", "https://clips.twitch.tv/AwkwardHelplessSalamanderSwiftRage",
                "1234", "random1", Instant.parse("2017-11-30T22:34:18Z"), 12.9, "JJ",
                "https://clips.twitch.tv/embed?clip=RandomClip1",
                "https://clips-media-assets.twitch.tv/157589949-preview-480x272.jpg", 10, 1957));
        assertThat(server.requests()).extracting(Request::query).containsOnly("id=RandomClip1");
    }

    @Test
    void asyncVariantsCompleteAndFailWithHelixException() throws Exception {
        server.respondWith(r -> r.method().equals("POST")
                ? Response.json(202, "{\"data\":[{\"id\":\"c1\",\"edit_url\":\"https://clips.twitch.tv/c1/edit\"}]}")
                : Response.json(200, CLIP));
        assertThat(client.createClipAsync("1234", "t", 20).get(5, TimeUnit.SECONDS).id()).isEqualTo("c1");
        assertThat(client.getClipAsync("RandomClip1").get(5, TimeUnit.SECONDS)).map(HelixClip::duration).contains(12.9);

        server.respondWith(r -> Response.json(404, "{\"error\":\"Not Found\",\"status\":404,\"message\":\"offline\"}"));
        CompletableFuture<CreatedClip> failed = client.createClipAsync("1234", null, null);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        failed.whenComplete((v, t) -> seen.set(t));
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(HelixException.class);
        assertThat(seen.get()).isInstanceOf(HelixException.class);
        assertThat(((HelixException) seen.get()).status()).isEqualTo(404);
    }

    @Test
    void asyncCallDoesNotBlockTheCaller() throws Exception {
        server.respondWith(r -> Response.json(200, CLIP).delayed(800));
        long start = System.nanoTime();
        CompletableFuture<Optional<HelixClip>> future = client.getClipAsync("RandomClip1");
        long returnedAfterMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(returnedAfterMs).isLessThan(500);
        assertThat(future.get(5, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void slowServerTimesOutAsRetryableNoResponse() {
        server.respondWith(r -> Response.json(200, CLIP).delayed(3000));
        HelixException e = catchHelix(() -> client.getClip("x"));
        assertThat(e.status()).isEqualTo(HelixException.NO_RESPONSE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("timed out");
    }

    @Test
    void refusedConnectionIsRetryableNoResponse() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HelixClient offline = new HelixClient(URI.create("http://127.0.0.1:" + closedPort + "/helix"), CLIENT_ID,
                () -> TOKEN, HttpClient.newHttpClient());
        HelixException e = catchHelix(() -> offline.getStreams(1, null));
        assertThat(e.status()).isEqualTo(HelixException.NO_RESPONSE);
        assertThat(e.retryable()).isTrue();
        assertThatThrownBy(() -> offline.getStreamsAsync(1, null).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(HelixException.class);
    }

    @Test
    void tokenIsAskedPerRequestAndIrcPrefixIsRemoved() {
        server.respondWith(r -> Response.json(200, "{\"data\":[],\"pagination\":{}}"));
        AtomicReference<String> token = new AtomicReference<>("oauth:first");
        HelixClient c = new HelixClient(server.uri("/helix/"), CLIENT_ID, token::get, HttpClient.newHttpClient());
        c.getStreams(1, null);
        token.set("second");
        c.getStreams(1, null);
        assertThat(server.requests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer first", "Bearer second");
        assertThat(server.requests().get(0).path()).isEqualTo("/helix/streams");
    }

    private static HelixException catchHelix(Runnable call) {
        try {
            call.run();
        } catch (HelixException e) {
            return e;
        }
        throw new AssertionError("expected a HelixException");
    }

    private static Map<String, String> queryParams(Request r) {
        Map<String, String> params = new HashMap<>();
        for (String pair : r.query().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** N live streams with falling viewer counts, paged by {@code first} and {@code after=c<offset>}. */
    private static final class FakeStreams {
        private final int total;

        FakeStreams(int total) {
            this.total = total;
        }

        Response answer(Request r) {
            Map<String, String> q = queryParams(r);
            int first = Integer.parseInt(q.getOrDefault("first", "20"));
            int offset = q.containsKey("after") ? Integer.parseInt(q.get("after").substring(1)) : 0;
            int end = Math.min(total, offset + first);
            List<String> items = new ArrayList<>();
            for (int i = offset; i < end; i++) {
                items.add(String.format("{\"id\":\"s%d\",\"user_id\":\"%d\",\"user_login\":\"chan%d\",\"user_name\":\"Chan%d\","
                        + "\"game_name\":\"Just Chatting\",\"type\":\"live\",\"title\":\"t%d\",\"viewer_count\":%d,"
                        + "\"started_at\":\"2026-01-11T00:00:00Z\"}", i, 1000 + i, i, i, i, 100_000 - i));
            }
            String pagination = end < total ? "{\"cursor\":\"c" + end + "\"}" : "{}";
            return Response.json(200, "{\"data\":[" + String.join(",", items) + "],\"pagination\":" + pagination + "}");
        }
    }
}
