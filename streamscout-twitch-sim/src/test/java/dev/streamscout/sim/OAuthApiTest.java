package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated id.twitch.tv in strict mode: only tokens it issued are valid. */
class OAuthApiTest {

    private static final String CLIENT = HttpTestClient.CLIENT_ID;
    private static TwitchSimulator sim;
    private final HttpTestClient http = new HttpTestClient();

    @BeforeAll
    static void start() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withAcceptAnyToken(false)).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private URI oauth(String path) {
        return URI.create(sim.oauthBase() + path);
    }

    @Test
    void clientCredentialsGivesAnAppTokenThatValidates() throws Exception {
        HttpTestClient.Reply grant = http.postForm(oauth("/token"),
                "client_id=" + CLIENT + "&client_secret=s3cret&grant_type=client_credentials");
        assertThat(grant.status()).isEqualTo(200);
        String token = grant.json().get("access_token").asText();
        assertThat(grant.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(grant.json().get("expires_in").asLong()).isPositive();
        assertThat(grant.json().has("refresh_token")).isFalse();

        HttpTestClient.Reply valid = validate("OAuth " + token);
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.json().get("client_id").asText()).isEqualTo(CLIENT);
        assertThat(valid.json().get("login").isNull()).isTrue();
        assertThat(valid.json().get("scopes").isArray()).isTrue();

        // An app token reads streams but cannot create clips.
        assertThat(http.get(URI.create(sim.helixBase() + "/streams"), token).status()).isEqualTo(200);
        assertThat(http.post(URI.create(sim.helixBase() + "/clips?broadcaster_id=" + sim.channels().get(0).id()), token)
                .status()).isEqualTo(401);
    }

    @Test
    void authorizationCodeFlowThenRefreshWithRotatedUrlEncodedToken() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> redirect = noRedirects.send(HttpRequest.newBuilder(oauth("/authorize?response_type=code&client_id="
                + CLIENT + "&redirect_uri=http://localhost:3000/auth/callback&scope=chat%3Aread+clips%3Aedit&state=xyz")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/auth/callback");
        Map<String, String> query = query(location.getRawQuery());
        assertThat(query).containsEntry("state", "xyz").containsEntry("scope", "chat:read clips:edit");

        HttpTestClient.Reply tokens = http.postForm(oauth("/token"), "client_id=" + CLIENT + "&client_secret=s"
                + "&code=" + query.get("code") + "&grant_type=authorization_code&redirect_uri=http://localhost:3000");
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.json().get("scope")).extracting(n -> n.asText()).containsExactly("chat:read", "clips:edit");
        String access = tokens.json().get("access_token").asText();
        String refresh = tokens.json().get("refresh_token").asText();

        // Codes are single use.
        assertThat(http.postForm(oauth("/token"), "client_id=" + CLIENT + "&client_secret=s&code=" + query.get("code")
                + "&grant_type=authorization_code").status()).isEqualTo(400);

        // A user token creates clips and validates with its user.
        assertThat(http.post(URI.create(sim.helixBase() + "/clips?broadcaster_id=" + sim.channels().get(0).id()), access)
                .status()).isEqualTo(202);
        HttpTestClient.Reply valid = validate("OAuth " + access);
        assertThat(valid.json().get("login").asText()).isNotEmpty();
        assertThat(valid.json().get("user_id").asText()).matches("[0-9]+");
        assertThat(valid.json().get("expires_in").asLong()).isPositive();

        // After the simulator revokes access tokens, Helix says 401 and a refresh (token URL-encoded) recovers.
        sim.revokeAccessTokens();
        assertThat(http.get(URI.create(sim.helixBase() + "/streams"), access).status()).isEqualTo(401);
        assertThat(validate("OAuth " + access).status()).isEqualTo(401);
        // Parameters in the query string work as well as in a form body (twitch4j sends them so).
        HttpTestClient.Reply refreshed = http.send(HttpRequest.newBuilder(oauth("/token?grant_type=refresh_token&client_id="
                + CLIENT + "&client_secret=s&refresh_token=" + URLEncoder.encode(refresh, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(refreshed.status()).isEqualTo(200);
        String newAccess = refreshed.json().get("access_token").asText();
        assertThat(newAccess).isNotEqualTo(access);
        assertThat(refreshed.json().get("refresh_token").asText()).isNotEqualTo(refresh);
        assertThat(http.get(URI.create(sim.helixBase() + "/streams"), newAccess).status()).isEqualTo(200);
    }

    @Test
    void badGrantsAndTokensAreRefused() throws Exception {
        assertThat(http.postForm(oauth("/token"), "client_id=" + CLIENT + "&client_secret=s&grant_type=refresh_token"
                + "&refresh_token=unknown").status()).isEqualTo(400);
        assertThat(http.postForm(oauth("/token"), "client_secret=s&grant_type=client_credentials").status())
                .isEqualTo(400);
        assertThat(http.postForm(oauth("/token"), "client_id=" + CLIENT + "&client_secret=s&grant_type=password")
                .status()).isEqualTo(400);
        HttpTestClient.Reply invalid = validate("OAuth not-a-token-we-issued");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.json().get("status").asInt()).isEqualTo(401);
        assertThat(validate(null).status()).isEqualTo(401);
        assertThat(http.get(URI.create(sim.helixBase() + "/streams"), "not-a-token-we-issued").status()).isEqualTo(401);
    }

    @Test
    void lenientModeAcceptsAnyNonEmptyToken() throws Exception {
        try (TwitchSimulator lenient = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false)).start()) {
            HttpTestClient.Reply valid = http.send(HttpRequest.newBuilder(URI.create(lenient.oauthBase() + "/validate"))
                    .header("Authorization", "OAuth whatever").GET().build());
            assertThat(valid.status()).isEqualTo(200);
            assertThat(valid.json().get("scopes")).extracting(n -> n.asText()).contains("chat:read", "clips:edit");
        }
    }

    private HttpTestClient.Reply validate(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(oauth("/validate")).timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
