package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Helix and OAuth faults a client must survive: 429 until the reset, 5xx, slow answers, expiring tokens, refused clips. */
class HttpFaultsTest {

    private static final String TOKEN = "lenienttokenforfaults000000001";
    private static TwitchSimulator sim;
    private final HttpTestClient http = new HttpTestClient();

    @BeforeAll
    static void start() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false)).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private URI helix(String path) {
        return URI.create(sim.helixBase() + path);
    }

    @Test
    void exhaustedBucketAnswers429UntilTheAdvertisedReset() throws Exception {
        String token = "ratelimitedtoken00000000000001";
        sim.exhaustHelixRateLimit(Duration.ofMillis(1_500));
        HttpTestClient.Reply limited = http.get(helix("/streams"), token);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").asText()).isEqualTo("Too Many Requests");
        assertThat(limited.header("Ratelimit-Remaining")).isEqualTo("0");
        long reset = Long.parseLong(limited.header("Ratelimit-Reset"));
        long now = Instant.now().getEpochSecond();
        assertThat(reset).isBetween(now + 1, now + 3);
        // Waiting for the reset, as a client must, is enough.
        Thread.sleep(Math.max(0, reset * 1000 - System.currentTimeMillis()) + 50);
        HttpTestClient.Reply after = http.get(helix("/streams"), token);
        assertThat(after.status()).isEqualTo(200);
        assertThat(Integer.parseInt(after.header("Ratelimit-Remaining"))).isPositive();
    }

    @Test
    void serverErrorsHitExactlyTheNextCalls() throws Exception {
        sim.failNext(SimEndpoint.GET_STREAMS, 1, 503);
        sim.failNext(SimEndpoint.OAUTH_VALIDATE, 1, 500);
        assertThat(http.get(helix("/streams"), TOKEN).status()).isEqualTo(503);
        assertThat(http.get(helix("/streams"), TOKEN).status()).isEqualTo(200);
        HttpTestClient.Reply validate = http.send(java.net.http.HttpRequest.newBuilder(URI.create(sim.oauthBase() + "/validate"))
                .header("Authorization", "OAuth " + TOKEN).GET().build());
        assertThat(validate.status()).isEqualTo(500);
    }

    @Test
    void slowEndpointIsSlowAndOthersAreNot() throws Exception {
        sim.delayResponses(SimEndpoint.GET_CLIPS, Duration.ofMillis(600));
        try {
            long start = System.nanoTime();
            assertThat(http.get(helix("/clips?id=whatever"), TOKEN).status()).isEqualTo(200);
            long slow = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            assertThat(http.get(helix("/streams"), TOKEN).status()).isEqualTo(200);
            long fast = (System.nanoTime() - start) / 1_000_000;
            assertThat(slow).isGreaterThanOrEqualTo(600);
            assertThat(fast).isLessThan(500);
        } finally {
            sim.delayResponses(SimEndpoint.GET_CLIPS, Duration.ZERO);
        }
    }

    @Test
    void createClipRefusedForChosenChannelsOnly() throws Exception {
        SimChannel restricted = sim.channels().get(3);
        SimChannel gone = sim.channels().get(4);
        SimChannel fine = sim.channels().get(5);
        sim.failCreateClipsFor(restricted.login(), 403);
        sim.failCreateClipsFor(gone.login(), 404);
        try {
            HttpTestClient.Reply forbidden = http.post(helix("/clips?broadcaster_id=" + restricted.id()), TOKEN);
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.json().get("error").asText()).isEqualTo("Forbidden");
            assertThat(http.post(helix("/clips?broadcaster_id=" + gone.id()), TOKEN).status()).isEqualTo(404);
            assertThat(http.post(helix("/clips?broadcaster_id=" + fine.id()), TOKEN).status()).isEqualTo(202);
        } finally {
            sim.failCreateClipsFor(restricted.login(), 0);
            sim.failCreateClipsFor(gone.login(), 0);
        }
        assertThat(http.post(helix("/clips?broadcaster_id=" + restricted.id()), TOKEN).status()).isEqualTo(202);
    }

    @Test
    void revocationWorksWithAFrozenClockInLenientMode() throws Exception {
        java.time.Clock frozen = java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        try (TwitchSimulator still = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withClock(frozen)).start()) {
            URI streams = URI.create(still.helixBase() + "/streams");
            HttpTestClient.Reply app = http.postForm(URI.create(still.oauthBase() + "/token"), "client_id="
                    + HttpTestClient.CLIENT_ID + "&client_secret=s&grant_type=client_credentials");
            String issued = app.json().get("access_token").asText();
            assertThat(http.get(streams, issued).status()).isEqualTo(200);
            assertThat(http.get(streams, TOKEN).status()).isEqualTo(200);
            still.revokeAccessTokens();
            assertThat(http.get(streams, issued).status()).isEqualTo(401);
            assertThat(http.get(streams, TOKEN).status()).isEqualTo(401);
            String again = http.postForm(URI.create(still.oauthBase() + "/token"), "client_id="
                    + HttpTestClient.CLIENT_ID + "&client_secret=s&grant_type=client_credentials")
                    .json().get("access_token").asText();
            assertThat(http.get(streams, again).status()).as("issued after the revocation, same instant").isEqualTo(200);
        }
    }

    @Test
    void tokensExpireByLifetimeAndByCutOffAndRefreshingRecovers() throws Exception {
        try (TwitchSimulator expiring = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withAccessTokenLifetime(Duration.ofMillis(400))).start()) {
            URI token = URI.create(expiring.oauthBase() + "/token");
            URI streams = URI.create(expiring.helixBase() + "/streams");
            HttpTestClient.Reply app = http.postForm(token, "client_id=" + HttpTestClient.CLIENT_ID
                    + "&client_secret=s&grant_type=client_credentials");
            String appToken = app.json().get("access_token").asText();
            String code = java.net.URLDecoder.decode(java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create(expiring.oauthBase() + "/authorize?client_id="
                            + HttpTestClient.CLIENT_ID + "&redirect_uri=http://localhost/cb&scope=clips%3Aedit")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*code=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
            HttpTestClient.Reply user = http.postForm(token, "client_id=" + HttpTestClient.CLIENT_ID
                    + "&client_secret=s&grant_type=authorization_code&code=" + code);
            String userToken = user.json().get("access_token").asText();
            assertThat(http.get(streams, userToken).status()).isEqualTo(200);
            Thread.sleep(500);
            // Past its lifetime the issued user token is rejected, even though the simulator is lenient.
            assertThat(http.get(streams, userToken).status()).isEqualTo(401);

            assertThat(http.get(streams, appToken).status()).isEqualTo(200);
            assertThat(http.get(streams, TOKEN).status()).isEqualTo(200); // a made-up token, first seen now
            expiring.expireTokensIssuedBefore(Instant.now());
            assertThat(http.get(streams, appToken).status()).isEqualTo(401);
            assertThat(http.get(streams, TOKEN).status()).isEqualTo(401);
            assertThat(http.get(streams, "brandnewmadeuptoken00000000001").status()).isEqualTo(200);

            HttpTestClient.Reply refreshed = http.postForm(token, "client_id=" + HttpTestClient.CLIENT_ID
                    + "&client_secret=s&grant_type=refresh_token&refresh_token="
                    + java.net.URLEncoder.encode(user.json().get("refresh_token").asText(),
                            java.nio.charset.StandardCharsets.UTF_8));
            assertThat(http.get(streams, refreshed.json().get("access_token").asText()).status()).isEqualTo(200);
        }
    }
}
