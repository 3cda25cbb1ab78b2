package dev.streamscout.twitch.helix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.streamscout.twitch.auth.AppTokenProvider;
import dev.streamscout.twitch.auth.RenewableToken;
import dev.streamscout.twitch.testing.RecordingHttpServer;
import dev.streamscout.twitch.testing.RecordingHttpServer.Response;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link HelixRetryPolicy#standard()} does, against a real loopback server that answers with
 * Twitch's rate-limit headers, 429, 503 and 401. Resets are real epoch seconds a second or two
 * ahead, so the waits are measured on the wall clock.
 */
class HelixRetryTest {

    private static final String CLIENT_ID = "wbmytr93xzw8zbg0p1izqyzzc5mbiz";
    private static final String EMPTY_STREAMS = "{\"data\":[],\"pagination\":{}}";
    private static final String CLIP = "{\"data\":[{\"id\":\"c1\",\"url\":\"https://clips.twitch.tv/c1\"}]}";
    private static final String TOO_MANY = "{\"error\":\"Too Many Requests\",\"status\":429,\"message\":\"slow down\"}";
    private static final String UNAVAILABLE = "{\"error\":\"Service Unavailable\",\"status\":503,\"message\":\"\"}";

    /** When each request reached the server (epoch ms). */
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private RecordingHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer(r -> Response.json(500, "{}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(Function<Integer, Response> byAttempt) {
        AtomicInteger n = new AtomicInteger();
        server.respondWith(r -> {
            arrivals.add(System.currentTimeMillis());
            return byAttempt.apply(n.incrementAndGet());
        });
    }

    private HelixClient client(HelixRetryPolicy policy) {
        return new HelixClient(server.uri("/helix"), CLIENT_ID, () -> "tok1tok1tok1", HttpClient.newHttpClient(),
                Duration.ofSeconds(5), policy);
    }

    /** An epoch second at least {@code ms} ahead. */
    private static long resetIn(long ms) {
        return (System.currentTimeMillis() + ms + 999) / 1000;
    }

    @Test
    void an_empty_bucket_delays_the_next_request_until_the_reset() {
        long reset = resetIn(1200);
        answer(n -> Response.json(200, EMPTY_STREAMS).withHeader("Ratelimit-Limit", "800")
                .withHeader("Ratelimit-Remaining", n == 1 ? "0" : "799")
                .withHeader("Ratelimit-Reset", Long.toString(reset)));
        HelixClient client = client(HelixRetryPolicy.standard());

        client.getStreams(1, null);
        assertThat(client.rateLimitRemaining()).isZero();
        client.getStreams(1, null);

        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(1)).isGreaterThanOrEqualTo(reset * 1000 - 20);
        assertThat(client.rateLimitRemaining()).isEqualTo(799);
    }

    @Test
    void a_bucket_that_still_has_points_does_not_delay() {
        answer(n -> Response.json(200, EMPTY_STREAMS).withHeader("Ratelimit-Remaining", "1")
                .withHeader("Ratelimit-Reset", Long.toString(resetIn(30_000))));
        HelixClient client = client(HelixRetryPolicy.standard());

        long start = System.currentTimeMillis();
        client.getStreams(1, null);
        client.getStreams(1, null);

        assertThat(System.currentTimeMillis() - start).isLessThan(2_000);
    }

    @Test
    void a_429_waits_for_the_reset_and_tries_again() {
        long reset = resetIn(1000);
        answer(n -> n == 1
                ? Response.json(429, TOO_MANY).withHeader("Ratelimit-Remaining", "0")
                        .withHeader("Ratelimit-Reset", Long.toString(reset))
                : Response.json(200, EMPTY_STREAMS).withHeader("Ratelimit-Remaining", "799")
                        .withHeader("Ratelimit-Reset", Long.toString(reset)));

        StreamsPage page = client(HelixRetryPolicy.standard()).getStreams(1, null);

        assertThat(page.streams()).isEmpty();
        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(1)).isGreaterThanOrEqualTo(reset * 1000 - 20);
    }

    @Test
    void a_429_whose_reset_is_beyond_the_wait_limit_fails_at_once() {
        long reset = resetIn(30_000);
        answer(n -> Response.json(429, TOO_MANY).withHeader("Ratelimit-Remaining", "0")
                .withHeader("Ratelimit-Reset", Long.toString(reset)));
        HelixClient client = client(HelixRetryPolicy.standard().withMaxRateLimitWait(Duration.ofSeconds(2)));

        long start = System.currentTimeMillis();
        assertThatThrownBy(() -> client.getClip("c1")).isInstanceOfSatisfying(HelixException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.rateLimitResetEpochSeconds()).hasValue(reset);
        });
        assertThat(System.currentTimeMillis() - start).isLessThan(1_500);
        assertThat(arrivals).hasSize(1);
    }

    @Test
    void repeated_429s_stop_once_the_wait_limit_is_spent() {
        // Every answer is a 429 whose reset is a second ahead; with a 2.5 s limit at most three tries fit.
        answer(n -> Response.json(429, TOO_MANY).withHeader("Ratelimit-Remaining", "0")
                .withHeader("Ratelimit-Reset", Long.toString(resetIn(900))));
        HelixClient client = client(HelixRetryPolicy.standard().withMaxRateLimitWait(Duration.ofMillis(2500)));

        long start = System.currentTimeMillis();
        assertThatThrownBy(() -> client.getStreams(1, null))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(429));

        assertThat(System.currentTimeMillis() - start).isLessThan(4_000);
        assertThat(arrivals.size()).isBetween(2, 4);
    }

    @Test
    void a_503_is_tried_once_more() {
        answer(n -> n == 1 ? Response.json(503, UNAVAILABLE) : Response.json(200, CLIP));

        Optional<HelixClip> clip = client(HelixRetryPolicy.standard()).getClip("c1");

        assertThat(clip).map(HelixClip::id).contains("c1");
        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(1) - arrivals.get(0))
                .isGreaterThanOrEqualTo(HelixRetryPolicy.STANDARD_UNAVAILABLE_DELAY.toMillis() - 20);
    }

    @Test
    void a_second_503_is_reported() {
        answer(n -> Response.json(503, UNAVAILABLE));

        assertThatThrownBy(() -> client(HelixRetryPolicy.standard()).getClip("c1"))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(arrivals).hasSize(2);
    }

    @Test
    void other_errors_are_not_retried() {
        answer(n -> Response.json(500, "{\"error\":\"Internal Server Error\",\"status\":500,\"message\":\"\"}"));

        assertThatThrownBy(() -> client(HelixRetryPolicy.standard()).getClip("c1"))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(arrivals).hasSize(1);
    }

    @Test
    void without_a_policy_nothing_is_retried_or_delayed() {
        answer(n -> Response.json(503, UNAVAILABLE).withHeader("Ratelimit-Remaining", "0")
                .withHeader("Ratelimit-Reset", Long.toString(resetIn(30_000))));
        HelixClient client = client(HelixRetryPolicy.none());

        long start = System.currentTimeMillis();
        assertThatThrownBy(() -> client.getClip("c1")).isInstanceOf(HelixException.class);
        assertThatThrownBy(() -> client.getClip("c1")).isInstanceOf(HelixException.class);

        assertThat(arrivals).hasSize(2);
        assertThat(System.currentTimeMillis() - start).isLessThan(2_000);
    }

    @Test
    void create_clip_has_its_own_bucket() {
        // The general bucket is empty for 30 s; Create Clip's bucket is not, so it goes out at once.
        answer(n -> n == 1
                ? Response.json(200, EMPTY_STREAMS).withHeader("Ratelimit-Remaining", "0")
                        .withHeader("Ratelimit-Reset", Long.toString(resetIn(30_000)))
                : Response.json(202, "{\"data\":[{\"id\":\"c9\",\"edit_url\":\"e\"}]}")
                        .withHeader("Ratelimit-Remaining", "599"));
        HelixClient client = client(HelixRetryPolicy.standard());
        client.getStreams(1, null);

        long start = System.currentTimeMillis();
        assertThat(client.createClip("1234", null, null).id()).isEqualTo("c9");
        assertThat(System.currentTimeMillis() - start).isLessThan(1_500);
    }

    @Test
    void async_calls_return_at_once_while_waiting_for_the_reset() throws Exception {
        long reset = resetIn(1500);
        answer(n -> n == 1
                ? Response.json(429, TOO_MANY).withHeader("Ratelimit-Remaining", "0")
                        .withHeader("Ratelimit-Reset", Long.toString(reset))
                : Response.json(200, CLIP));
        HelixClient client = client(HelixRetryPolicy.standard());

        CompletableFuture<Optional<HelixClip>> first = client.getClipAsync("c1");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.rateLimitRemaining() == 0);
        // The bucket is now known to be empty: this call must wait, and must not make the caller wait.
        long before = System.nanoTime();
        CompletableFuture<Optional<HelixClip>> second = client.getClipAsync("c1");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(300);
        assertThat(second).isNotDone();

        assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
        assertThat(second.get(10, TimeUnit.SECONDS)).isPresent();
        assertThat(arrivals).hasSize(3);
        assertThat(arrivals.subList(1, 3)).allSatisfy(at -> assertThat(at).isGreaterThanOrEqualTo(reset * 1000 - 20));
    }

    @Test
    void a_401_renews_a_renewable_token_and_tries_once_more() {
        Tokens tokens = new Tokens();
        server.respondWith(r -> "Bearer token-2-abcdefgh".equals(r.header("Authorization"))
                ? Response.json(200, CLIP)
                : Response.json(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Invalid OAuth token\"}"));
        HelixClient client = new HelixClient(server.uri("/helix"), CLIENT_ID, tokens, HttpClient.newHttpClient(),
                Duration.ofSeconds(5), HelixRetryPolicy.standard());

        assertThat(client.getClip("c1")).isPresent();

        assertThat(tokens.rejected).containsExactly("token-1-abcdefgh");
        assertThat(server.requests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-1-abcdefgh", "Bearer token-2-abcdefgh");
    }

    @Test
    void an_app_token_rejected_with_401_is_fetched_again_and_the_request_repeated() {
        // One server plays both id.twitch.tv (client credentials) and Helix, which only accepts the second token.
        AtomicInteger issued = new AtomicInteger();
        server.respondWith(r -> r.path().equals("/oauth2/token")
                ? Response.json(200, "{\"access_token\":\"apptoken" + issued.incrementAndGet()
                        + "xxxxxxxxxxxxxxxxxxxxx\",\"expires_in\":5011271,\"token_type\":\"bearer\"}")
                : "Bearer apptoken2xxxxxxxxxxxxxxxxxxxxx".equals(r.header("Authorization"))
                        ? Response.json(200, EMPTY_STREAMS)
                        : Response.json(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Invalid OAuth token\"}"));
        AppTokenProvider appToken = new AppTokenProvider(server.uri("/oauth2"), CLIENT_ID, "appsecretappsecretappsecret",
                HttpClient.newHttpClient());
        HelixClient client = new HelixClient(server.uri("/helix"), CLIENT_ID, appToken, HttpClient.newHttpClient(),
                Duration.ofSeconds(5), HelixRetryPolicy.standard());

        assertThat(client.getStreams(100, null).streams()).isEmpty();

        assertThat(appToken.fetchCount()).isEqualTo(2);
        assertThat(server.requests()).extracting(r -> r.path())
                .containsExactly("/oauth2/token", "/helix/streams", "/oauth2/token", "/helix/streams");
    }

    @Test
    void a_second_401_is_reported() {
        Tokens tokens = new Tokens();
        server.respondWith(r -> Response.json(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"x\"}"));
        HelixClient client = new HelixClient(server.uri("/helix"), CLIENT_ID, tokens, HttpClient.newHttpClient(),
                Duration.ofSeconds(5), HelixRetryPolicy.standard());

        assertThatThrownBy(() -> client.getStreams(1, null))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(tokens.rejected).hasSize(1);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void a_plain_supplier_is_not_retried_after_a_401() {
        server.respondWith(r -> Response.json(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"x\"}"));

        assertThatThrownBy(() -> client(HelixRetryPolicy.standard()).getStreams(1, null))
                .isInstanceOfSatisfying(HelixException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(server.requests()).hasSize(1);
    }

    /** Hands out token-1, then token-2 after it was rejected; remembers what was rejected. */
    private static final class Tokens implements RenewableToken {
        final List<String> rejected = new CopyOnWriteArrayList<>();
        private volatile String current = "token-1-abcdefgh";

        @Override
        public String get() {
            return current;
        }

        @Override
        public void renewAfterRejection(String rejectedToken) {
            rejected.add(rejectedToken);
            current = "token-2-abcdefgh";
        }
    }
}
