package dev.streamscout.twitch.helix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.twitch.testing.RecordingHttpServer;
import dev.streamscout.twitch.testing.RecordingHttpServer.Response;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Get Videos for a channel's latest archive, against a real loopback server. */
class HelixVideosTest {

    /** The shape of Twitch's Get Videos reference example, for an archive. */
    private static final String ARCHIVE = """
            {"data":[{"id":"335921245","stream_id":"40123456789","user_id":"141981764","user_login":"twitchdev",
              "user_name":"TwitchDev","title":"Twitch Developers 101","description":"",
              "created_at":"2018-11-14T21:30:18Z","published_at":"2018-11-14T22:04:30Z",
              "url":"https://www.twitch.tv/videos/335921245","thumbnail_url":"","viewable":"public",
              "view_count":1863062,"language":"en","type":"archive","duration":"3m21s","muted_segments":null}],
             "pagination":{}}""";

    private RecordingHttpServer server;
    private HelixClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer(r -> Response.json(200, ARCHIVE));
        client = new HelixClient(server.uri("/helix"), "clientid", () -> "tok", HttpClient.newHttpClient(),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asksForOneArchiveOfTheUserAndReadsIt() {
        HelixVideo video = client.getLatestArchive("141981764").orElseThrow();

        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/helix/videos");
            assertThat(r.query()).isEqualTo("user_id=141981764&type=archive&first=1");
        });
        assertThat(video).isEqualTo(new HelixVideo("335921245", "141981764", "40123456789", "archive",
                Instant.parse("2018-11-14T21:30:18Z"), "https://www.twitch.tv/videos/335921245"));
    }

    @Test
    void noArchiveIsEmptyAndAnEmptyStreamIdIsNull() {
        server.respondWith(r -> Response.json(200, "{\"data\":[],\"pagination\":{}}"));
        assertThat(client.getLatestArchive("1")).isEmpty();

        server.respondWith(r -> Response.json(200, "{\"data\":[{\"id\":\"9\",\"stream_id\":\"\",\"type\":\"upload\"}]}"));
        assertThat(client.getLatestArchive("1")).hasValueSatisfying(v -> {
            assertThat(v.streamId()).isNull();
            assertThat(v.createdAt()).isNull();
        });
    }

    @Test
    void errorsAndMalformedBodiesAreHelixExceptions() {
        server.respondWith(r -> Response.json(500, "{\"error\":\"Internal Server Error\",\"status\":500,\"message\":\"\"}"));
        assertThatThrownBy(() -> client.getLatestArchive("1"))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(500));

        server.respondWith(r -> Response.json(200, "{\"data\":[{\"stream_id\":\"1\"}]}"));
        assertThatThrownBy(() -> client.getLatestArchiveAsync("1").get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(HelixException.class).hasMessageContaining("id");

        assertThatThrownBy(() -> client.getLatestArchive(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
