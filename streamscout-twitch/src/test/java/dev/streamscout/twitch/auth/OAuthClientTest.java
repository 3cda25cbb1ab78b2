package dev.streamscout.twitch.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamscout.twitch.testing.RecordingHttpServer;
import dev.streamscout.twitch.testing.RecordingHttpServer.Request;
import dev.streamscout.twitch.testing.RecordingHttpServer.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire format of validate, the code exchange and the device grant, with Twitch's documented bodies. */
class OAuthClientTest {

    private static final String CLIENT_ID = "hof5gwx0su6owfnys0yan9c87zr6t";
    private static final String SECRET = "41vpdji4e9gif29md0ouet6fktd2";

    private RecordingHttpServer server;
    private OAuthClient oauth;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer(r -> Response.json(500, "{}"));
        oauth = new OAuthClient(server.uri("/oauth2/"), CLIENT_ID, SECRET, HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void validate_reads_the_documented_answer_and_an_app_token_has_no_login() {
        server.respondWith(r -> Response.json(200, "{\"client_id\":\"wbmytr93xzw8zbg0p1izqyzzc5mbiz\",\"login\":\"twitchdev\","
                + "\"scopes\":[\"channel:read:subscriptions\"],\"user_id\":\"141981764\",\"expires_in\":5520838}"));
        assertThat(oauth.validate("rfx2uswqe8l4g1mkagrvg5tv0ks3")).isEqualTo(new TokenValidation(
                "wbmytr93xzw8zbg0p1izqyzzc5mbiz", "twitchdev", "141981764", List.of("channel:read:subscriptions"), 5520838));
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("OAuth rfx2uswqe8l4g1mkagrvg5tv0ks3");
        assertThat(server.requests().get(0).path()).isEqualTo("/oauth2/validate");

        server.respondWith(r -> Response.json(200, "{\"client_id\":\"x\",\"login\":null,\"scopes\":null,\"user_id\":null,"
                + "\"expires_in\":100}"));
        TokenValidation app = oauth.validate("jostpf5q0uzmxmkba9iyug38kjtgh");
        assertThat(app.login()).isNull();
        assertThat(app.scopes()).isEmpty();
    }

    @Test
    void an_invalid_token_is_a_401_whose_message_hides_the_token() {
        server.respondWith(r -> Response.json(401, "{\"status\":401,\"message\":\"invalid access token\"}"));
        assertThatThrownBy(() -> oauth.validate("rfx2uswqe8l4g1mkagrvg5tv0ks3"))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("invalid access token")
                .hasMessageNotContaining("uswqe8l4");
    }

    @Test
    void code_exchange_sends_the_documented_form_and_reads_scope_arrays() {
        server.respondWith(r -> Response.json(200, "{\"access_token\":\"rfx2uswqe8l4g1mkagrvg5tv0ks3\",\"expires_in\":14124,"
                + "\"refresh_token\":\"5b93chm6hdve3mycz05zfzatkfdenfspp1h1ar2xxdalen01\","
                + "\"scope\":[\"channel:moderate\",\"chat:edit\",\"chat:read\"],\"token_type\":\"bearer\"}"));

        TokenGrant grant = oauth.exchangeCode("gulfwdmys5lsm6qyz4xiz9q32l10", URI.create("http://localhost:3000/auth/callback"));

        assertThat(grant).isEqualTo(new TokenGrant("rfx2uswqe8l4g1mkagrvg5tv0ks3",
                "5b93chm6hdve3mycz05zfzatkfdenfspp1h1ar2xxdalen01", 14124, List.of("channel:moderate", "chat:edit", "chat:read")));
        assertThat(grant.toString()).doesNotContain("uswqe8l4").doesNotContain("hdve3myc");
        Request sent = server.requests().get(0);
        assertThat(sent.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(sent)).containsExactlyInAnyOrderEntriesOf(Map.of("client_id", CLIENT_ID, "client_secret", SECRET,
                "code", "gulfwdmys5lsm6qyz4xiz9q32l10", "grant_type", "authorization_code",
                "redirect_uri", "http://localhost:3000/auth/callback"));
    }

    @Test
    void a_refresh_without_a_new_refresh_token_keeps_the_old_one() {
        server.respondWith(r -> Response.json(200, "{\"access_token\":\"1ssjqsqfy6bads1ws7m03gras79zfr\",\"scope\":\"a b\"}"));
        TokenGrant grant = oauth.refresh("eyJfaWQmNzMtNGCJ9%6VFV5LNrZFUj8oU23=");
        assertThat(grant.refreshToken()).isEqualTo("eyJfaWQmNzMtNGCJ9%6VFV5LNrZFUj8oU23=");
        assertThat(grant.scopes()).containsExactly("a", "b");
        assertThat(form(server.requests().get(0))).containsEntry("refresh_token", "eyJfaWQmNzMtNGCJ9%6VFV5LNrZFUj8oU23=");
    }

    @Test
    void a_wrong_client_points_at_the_variables() {
        server.respondWith(r -> Response.json(400, "{\"status\":400,\"message\":\"invalid client\"}"));
        assertThatThrownBy(() -> oauth.refresh("whatever-refresh-token"))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("TWITCH_CLIENT_ID").hasMessageContaining("TWITCH_CLIENT_SECRET")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void authorize_uri_carries_client_redirect_scopes_and_state() {
        URI uri = oauth.authorizeUri(URI.create("http://localhost:3000/auth/callback"), List.of("chat:read", "clips:edit"),
                "c3ab8aa609ea11e793ae92361f002671");
        assertThat(uri.toString()).isEqualTo(server.uri("/oauth2/authorize").toString()
                + "?response_type=code&client_id=" + CLIENT_ID
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fauth%2Fcallback"
                + "&scope=chat%3Aread+clips%3Aedit&state=c3ab8aa609ea11e793ae92361f002671");
    }

    @Test
    void device_authorization_reads_codes_and_interval() {
        server.respondWith(r -> Response.json(200, "{\"device_code\":\"ike3GM8QIdYZs43KdrWPIO36LofILoCyFEzjlQ91\","
                + "\"expires_in\":1800,\"interval\":5,\"user_code\":\"ABCDEFGH\","
                + "\"verification_uri\":\"https://www.twitch.tv/activate?public=true&device-code=ABCDEFGH\"}"));

        DeviceAuthorization device = oauth.startDeviceAuthorization(List.of("chat:read", "clips:edit"));

        assertThat(device).isEqualTo(new DeviceAuthorization("ike3GM8QIdYZs43KdrWPIO36LofILoCyFEzjlQ91", "ABCDEFGH",
                "https://www.twitch.tv/activate?public=true&device-code=ABCDEFGH", 1800, 5));
        assertThat(device.toString()).doesNotContain("QIdYZs43");
        assertThat(server.requests().get(0).path()).isEqualTo("/oauth2/device");
        assertThat(form(server.requests().get(0))).containsExactlyInAnyOrderEntriesOf(
                Map.of("client_id", CLIENT_ID, "scopes", "chat:read clips:edit"));
    }

    @Test
    void device_polls_map_every_documented_answer() {
        Map<String, DevicePoll.Outcome> answers = Map.of(
                "{\"status\":400,\"message\":\"authorization_pending\"}", DevicePoll.Outcome.PENDING,
                "{\"status\":400,\"message\":\"slow_down\"}", DevicePoll.Outcome.SLOW_DOWN,
                "{\"error\":\"access_denied\",\"error_description\":\"The user denied you access\"}", DevicePoll.Outcome.DENIED,
                "{\"status\":400,\"message\":\"expired_token\"}", DevicePoll.Outcome.EXPIRED,
                "{\"status\":400,\"message\":\"invalid device code\"}", DevicePoll.Outcome.EXPIRED);
        answers.forEach((body, outcome) -> {
            server.respondWith(r -> Response.json(400, body));
            DevicePoll poll = oauth.pollDeviceToken("ike3GM8QIdYZs43KdrWPIO36LofILoCyFEzjlQ91", List.of("chat:read"));
            assertThat(poll.outcome()).as(body).isEqualTo(outcome);
            assertThat(poll.grant()).isNull();
        });

        server.respondWith(r -> Response.json(200, "{\"access_token\":\"a1b2c3d4e5f6g7h8\",\"expires_in\":14400,"
                + "\"refresh_token\":\"r1r2r3r4r5r6r7r8\",\"scope\":[\"chat:read\",\"clips:edit\"],\"token_type\":\"bearer\"}"));
        DevicePoll granted = oauth.pollDeviceToken("ike3GM8QIdYZs43KdrWPIO36LofILoCyFEzjlQ91", List.of("chat:read"));
        assertThat(granted.outcome()).isEqualTo(DevicePoll.Outcome.GRANTED);
        assertThat(granted.grant().refreshToken()).isEqualTo("r1r2r3r4r5r6r7r8");
        assertThat(form(server.requests().get(server.requests().size() - 1)))
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                .containsEntry("device_code", "ike3GM8QIdYZs43KdrWPIO36LofILoCyFEzjlQ91");

        server.respondWith(r -> Response.json(500, "{\"status\":500,\"message\":\"oops\"}"));
        assertThatThrownBy(() -> oauth.pollDeviceToken("ike3GM8QIdYZs43KdrWPIO36LofILoCyFEzjlQ91", List.of()))
                .isInstanceOfSatisfying(TokenRequestException.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void a_body_that_is_not_json_is_a_clear_error() {
        server.respondWith(r -> new Response(200, "<html>maintenance</html>", Map.of(), 0));
        assertThatThrownBy(() -> oauth.validate("rfx2uswqe8l4g1mkagrvg5tv0ks3"))
                .isInstanceOf(TokenRequestException.class).hasMessageContaining("not a JSON object");
    }

    private static Map<String, String> form(Request r) {
        Map<String, String> values = new HashMap<>();
        for (String pair : r.body().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
