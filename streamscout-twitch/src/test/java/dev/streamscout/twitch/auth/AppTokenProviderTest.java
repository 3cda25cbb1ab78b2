package dev.streamscout.twitch.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.twitch.testing.RecordingHttpServer;
import dev.streamscout.twitch.testing.RecordingHttpServer.Request;
import dev.streamscout.twitch.testing.RecordingHttpServer.Response;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppTokenProviderTest {

    private static final String CLIENT_ID = "hof5gwx0su6owfnys0yan9c87zr6t";
    private static final String SECRET = "41vpdji4e9gif29md0ouet6fktd2";

    private RecordingHttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-11T00:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer(r -> Response.json(200,
                "{\"access_token\":\"apptoken" + issued.incrementAndGet() + "xyz\",\"expires_in\":5011271,\"token_type\":\"bearer\"}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AppTokenProvider provider() {
        return new AppTokenProvider(server.uri("/oauth2"), CLIENT_ID, SECRET, HttpClient.newHttpClient(), clock);
    }

    @Test
    void postsClientCredentialsAsFormBodyAndCaches() {
        AppTokenProvider p = provider();
        assertThat(p.get()).isEqualTo("apptoken1xyz");
        assertThat(p.get()).isEqualTo("apptoken1xyz");
        assertThat(p.fetchCount()).isEqualTo(1);

        Request r = server.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/oauth2/token");
        assertThat(r.query()).isEmpty();
        assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(r.body())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "client_id", CLIENT_ID, "client_secret", SECRET, "grant_type", "client_credentials"));
    }

    @Test
    void fetchesAgainShortlyBeforeExpiry() {
        server.respondWith(r -> Response.json(200,
                "{\"access_token\":\"short" + issued.incrementAndGet() + "token\",\"expires_in\":3600}"));
        AppTokenProvider p = provider();
        assertThat(p.get()).isEqualTo("short1token");
        clock.advance(Duration.ofMinutes(54));
        assertThat(p.get()).isEqualTo("short1token");
        clock.advance(Duration.ofMinutes(1)); // 55 min: inside the 5-minute margin
        assertThat(p.get()).isEqualTo("short2token");
        assertThat(p.fetchCount()).isEqualTo(2);
    }

    @Test
    void invalidateForcesANewToken() {
        AppTokenProvider p = provider();
        p.get();
        p.invalidate();
        assertThat(p.get()).isEqualTo("apptoken2xyz");
    }

    @Test
    void tolerantOfTwitchCliShapeWithEmptyRefreshAndScope() {
        server.respondWith(r -> Response.json(200,
                "{\"access_token\":\"clitoken123\",\"refresh_token\":\"\",\"expires_in\":86399,\"scope\":[],\"token_type\":\"bearer\"}"));
        assertThat(provider().get()).isEqualTo("clitoken123");
    }

    @Test
    void rejectedCredentialsGiveAClearErrorWithoutTheSecret() {
        server.respondWith(r -> Response.json(400, "{\"status\":400,\"message\":\"invalid client secret\"}"));
        assertThatThrownBy(() -> provider().get())
                .isInstanceOf(TokenRequestException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("invalid client secret")
                .hasMessageContaining("TWITCH_CLIENT_SECRET")
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining(CLIENT_ID)
                .satisfies(e -> assertThat(((TokenRequestException) e).status()).isEqualTo(400));
    }

    @Test
    void malformedTokenResponsesAreErrors() {
        server.respondWith(r -> Response.json(200, "not json"));
        assertThatThrownBy(() -> provider().get()).isInstanceOf(TokenRequestException.class).hasMessageContaining("not JSON");
        server.respondWith(r -> Response.json(200, "{\"expires_in\":10}"));
        assertThatThrownBy(() -> provider().get()).isInstanceOf(TokenRequestException.class).hasMessageContaining("no access_token");
    }

    @Test
    void secretsAreMaskedToFourCharacters() {
        assertThat(Redact.mask(SECRET)).isEqualTo("41vp…(28 chars)");
        assertThat(Redact.mask("short")).doesNotContain("sh");
        assertThat(Redact.mask(null)).isEqualTo("<none>");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            m.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
