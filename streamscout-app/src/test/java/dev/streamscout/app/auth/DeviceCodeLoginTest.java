package dev.streamscout.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.streamscout.twitch.auth.DeviceAuthorization;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenGrant;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device poll loop's timing rules, against a real HTTP server scripted with Twitch's answers.
 * Time is a clock the sleeper moves, so a 5 s interval costs nothing.
 */
class DeviceCodeLoginTest {

    private static final String PENDING = "400 {\"status\":400,\"message\":\"authorization_pending\"}";
    private static final String SLOW_DOWN = "400 {\"status\":400,\"message\":\"slow_down\"}";
    private static final String GRANT = "200 {\"access_token\":\"a1b2c3d4e5f6g7h8i9\",\"expires_in\":14400,"
            + "\"refresh_token\":\"r1r2r3r4r5r6r7r8r9\",\"scope\":[\"chat:read\",\"clips:edit\"],\"token_type\":\"bearer\"}";

    private final Deque<String> script = new ConcurrentLinkedDeque<>();
    private final List<Instant> polls = new ArrayList<>();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-11T00:00:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();
    private HttpServer server;
    private DeviceCodeLogin login;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                synchronized (polls) {
                    polls.add(clock.instant());
                }
                String next = script.isEmpty() ? PENDING : script.poll();
                byte[] body = next.substring(4).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(Integer.parseInt(next.substring(0, 3)), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        OAuthClient oauth = new OAuthClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2"),
                "clientid0000000000000000000000", "secret0000000000000000000000", HttpClient.newHttpClient());
        login = new DeviceCodeLogin(oauth, List.of("chat:read", "clips:edit"), clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static DeviceAuthorization device(int interval, long expiresIn) {
        return new DeviceAuthorization("ike3GM8QIdYZs43KdrWPIO36LofILoCyFEzjlQ91", "ABCDEFGH",
                "https://www.twitch.tv/activate", expiresIn, interval);
    }

    @Test
    void polls_every_interval_and_slows_down_by_five_seconds() throws Exception {
        script.addAll(List.of(PENDING, SLOW_DOWN, PENDING, SLOW_DOWN, GRANT));

        TokenGrant grant = login.await(device(5, 1800), Duration.ofMinutes(10));

        assertThat(grant.accessToken()).isEqualTo("a1b2c3d4e5f6g7h8i9");
        assertThat(sleeps).extracting(Duration::toSeconds).containsExactly(5L, 5L, 10L, 10L, 15L);
        assertThat(polls).hasSize(5);
    }

    @Test
    void an_expired_code_stops_with_advice() {
        script.addAll(List.of(PENDING, "400 {\"status\":400,\"message\":\"expired_token\"}"));
        assertThatThrownBy(() -> login.await(device(5, 1800), Duration.ofMinutes(10)))
                .isInstanceOf(AuthorizationFailedException.class)
                .hasMessageContaining("expired").hasMessageContaining("streamscout auth --headless");
        assertThat(polls).hasSize(2);
    }

    @Test
    void the_code_lifetime_bounds_the_polling() {
        // Nobody ever approves; the code lives 30 s at a 5 s interval: six polls at most.
        assertThatThrownBy(() -> login.await(device(5, 30), Duration.ofMinutes(10)))
                .isInstanceOf(AuthorizationFailedException.class).hasMessageContaining("expired");
        assertThat(polls).hasSize(6);
    }

    @Test
    void the_timeout_bounds_the_polling() {
        assertThatThrownBy(() -> login.await(device(5, 1800), Duration.ofSeconds(22)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("ABCDEFGH");
        assertThat(polls).hasSize(4);
    }

    @Test
    void an_unexpected_answer_is_an_error_not_a_loop() {
        script.add("500 {\"status\":500,\"message\":\"oops\"}");
        assertThatThrownBy(() -> login.await(device(1, 1800), Duration.ofMinutes(1)))
                .hasMessageContaining("500");
        assertThat(polls).hasSize(1);
    }
}
