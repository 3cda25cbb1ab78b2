package dev.streamscout.twitch.helix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.twitch.testing.RecordingHttpServer;
import dev.streamscout.twitch.testing.RecordingHttpServer.Request;
import dev.streamscout.twitch.testing.RecordingHttpServer.Response;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Get Streams by {@code user_login} and Get Users, batched by 100, against a real loopback server. */
class HelixLookupTest {

    private static final String CLIENT_ID = "wbmytr93xzw8zbg0p1izqyzzc5mbiz";

    /** Get Users example from the Twitch reference (helix_examples.md), verbatim fields. */
    private static final String TWITCHDEV = """
            {"data":[{"id":"141981764","login":"twitchdev","display_name":"TwitchDev","type":"",
              "broadcaster_type":"partner",
              "description":"Supporting third-party developers building Twitch integrations from chatbots to game integrations.",
              "profile_image_url":"https://static-cdn.jtvnw.net/jtv_user_pictures/8a6381c7-d0c0-4576-b179-38bd5ce1d6af-profile_image-300x300.png",
              "offline_image_url":"https://static-cdn.jtvnw.net/jtv_user_pictures/3f13ab61-ec78-4fe6-8481-8682cb3b0ac2-channel_offline_image-1920x1080.png",
              "view_count":5980557,"email":"not-real@email.com","created_at":"2016-12-14T20:32:28Z"}]}""";

    private RecordingHttpServer server;
    private HelixClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer(r -> Response.json(500, "{}"));
        client = new HelixClient(server.uri("/helix"), CLIENT_ID, () -> "tok", HttpClient.newHttpClient(),
                Duration.ofSeconds(5), HelixRetryPolicy.standard());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streams_by_login_go_out_100_per_request_and_only_live_ones_come_back() {
        // Every third channel is live; the server pages by 100 like Helix and honours the filter.
        server.respondWith(HelixLookupTest::liveEveryThird);
        List<String> logins = IntStream.range(0, 250).mapToObj(i -> "Chan" + i).toList();

        List<StreamStatus> live = client.getStreamsByLogins(logins);

        assertThat(live).extracting(StreamStatus::login)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 250).filter(i -> i % 3 == 0)
                        .mapToObj(i -> "chan" + i).toList());
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests()).extracting(r -> params(r, "user_login").size()).containsExactly(100, 100, 50);
        assertThat(server.requests()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/helix/streams");
            assertThat(params(r, "first")).containsExactly("100");
        });
    }

    @Test
    void logins_are_normalised_and_asked_once() {
        server.respondWith(HelixLookupTest::liveEveryThird);

        client.getStreamsByLogins(List.of("#Chan3", "chan3", " CHAN6 ", "", "#"));

        assertThat(server.requests()).hasSize(1);
        assertThat(params(server.requests().get(0), "user_login")).containsExactly("chan3", "chan6");
        assertThat(client.getStreamsByLogins(List.of())).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_batch_follows_its_cursor() {
        // A server that pages by two even though first=100 was asked for.
        server.respondWith(r -> {
            String after = params(r, "after").isEmpty() ? null : params(r, "after").get(0);
            int offset = after == null ? 0 : Integer.parseInt(after);
            List<String> logins = params(r, "user_login");
            int end = Math.min(logins.size(), offset + 2);
            List<String> items = new ArrayList<>();
            for (int i = offset; i < end; i++) {
                items.add(stream(logins.get(i), 1000 - i));
            }
            String pagination = end < logins.size() ? "{\"cursor\":\"" + end + "\"}" : "{}";
            return Response.json(200, "{\"data\":[" + String.join(",", items) + "],\"pagination\":" + pagination + "}");
        });

        List<StreamStatus> live = client.getStreamsByLogins(List.of("a", "b", "c", "d", "e"));

        assertThat(live).extracting(StreamStatus::login).containsExactly("a", "b", "c", "d", "e");
        assertThat(server.requests()).extracting(r -> params(r, "after")).containsExactly(List.of(), List.of("2"), List.of("4"));
    }

    @Test
    void a_failing_batch_fails_the_whole_lookup() {
        server.respondWith(r -> Response.json(400, "{\"error\":\"Bad Request\",\"status\":400,\"message\":\"bad\"}"));
        assertThatThrownBy(() -> client.getStreamsByLogins(List.of("a")))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> client.getStreamsByLoginsAsync(List.of("a")).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(HelixException.class);
    }

    @Test
    void users_map_the_documented_fields() {
        server.respondWith(r -> Response.json(200, TWITCHDEV));

        List<HelixUser> users = client.getUsersByLogins(List.of("TwitchDev"));

        assertThat(users).containsExactly(new HelixUser("141981764", "twitchdev", "TwitchDev", "", "partner",
                "Supporting third-party developers building Twitch integrations from chatbots to game integrations.",
                "https://static-cdn.jtvnw.net/jtv_user_pictures/8a6381c7-d0c0-4576-b179-38bd5ce1d6af-profile_image-300x300.png",
                "https://static-cdn.jtvnw.net/jtv_user_pictures/3f13ab61-ec78-4fe6-8481-8682cb3b0ac2-channel_offline_image-1920x1080.png",
                Instant.parse("2016-12-14T20:32:28Z")));
        assertThat(server.requests().get(0).path()).isEqualTo("/helix/users");
        assertThat(server.requests().get(0).query()).isEqualTo("login=twitchdev");
    }

    @Test
    void users_by_id_are_batched_and_unknown_ones_are_absent() throws Exception {
        server.respondWith(r -> {
            List<String> items = new ArrayList<>();
            for (String id : params(r, "id")) {
                if (Integer.parseInt(id) % 2 == 0) {
                    items.add("{\"id\":\"" + id + "\",\"login\":\"user" + id + "\",\"display_name\":\"User" + id + "\"}");
                }
            }
            return Response.json(200, "{\"data\":[" + String.join(",", items) + "]}");
        });
        List<String> ids = IntStream.range(0, 205).mapToObj(Integer::toString).toList();

        List<HelixUser> users = client.getUsersByIdsAsync(ids).get(5, TimeUnit.SECONDS);

        assertThat(users).hasSize(103).allSatisfy(u -> assertThat(u.login()).isEqualTo("user" + u.id()));
        assertThat(users.get(0).createdAt()).isNull();
        assertThat(users.get(0).description()).isEmpty();
        assertThat(server.requests()).extracting(r -> params(r, "id").size()).containsExactly(100, 100, 5);
    }

    @Test
    void a_user_without_login_is_a_malformed_body() {
        server.respondWith(r -> Response.json(200, "{\"data\":[{\"id\":\"1\"}]}"));
        assertThatThrownBy(() -> client.getUsersByIds(List.of("1")))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.getMessage()).contains("data[0].login"));
    }

    private static Response liveEveryThird(Request r) {
        List<String> items = new ArrayList<>();
        for (String login : params(r, "user_login")) {
            int n = Integer.parseInt(login.substring(4));
            if (n % 3 == 0) {
                items.add(stream(login, 10_000 - n));
            }
        }
        return Response.json(200, "{\"data\":[" + String.join(",", items) + "],\"pagination\":{}}");
    }

    private static String stream(String login, int viewers) {
        return "{\"id\":\"s-" + login + "\",\"user_id\":\"id-" + login + "\",\"user_login\":\"" + login
                + "\",\"user_name\":\"" + login + "\",\"type\":\"live\",\"viewer_count\":" + viewers
                + ",\"started_at\":\"2026-01-11T00:00:00Z\"}";
    }

    private static List<String> params(Request r, String name) {
        Map<String, List<String>> params = new HashMap<>();
        if (!r.query().isEmpty()) {
            for (String pair : r.query().split("&")) {
                int eq = pair.indexOf('=');
                params.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        k -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params.getOrDefault(name, List.of());
    }
}
