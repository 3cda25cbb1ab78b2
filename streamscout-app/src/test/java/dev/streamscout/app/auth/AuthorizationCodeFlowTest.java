package dev.streamscout.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenValidation;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamscout auth} end to end against the simulator in strict mode: the "browser" is a JDK
 * HTTP client that follows the redirects from the local server to the simulated authorize page
 * (which consents at once) and back to the callback.
 */
class AuthorizationCodeFlowTest {

    private static final String CLIENT_ID = "authtestclient00000000000000000";
    private static final String SECRET = "authtestsecret00000000000000000";

    private static TwitchSimulator sim;

    @TempDir
    Path dir;

    private Path tokenFile;
    private Path config;
    private final Map<String, String> env = Map.of("TWITCH_CLIENT_ID", CLIENT_ID, "TWITCH_CLIENT_SECRET", SECRET);
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startSimulator() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(2).withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withAcceptAnyToken(false)).start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void files() throws Exception {
        tokenFile = dir.resolve("secrets/twitch_user_tokens.json");
        config = dir.resolve("streamscout.properties");
        Files.writeString(config, "twitch.oauth.url=" + sim.oauthBase() + "\n");
    }

    private AuthRun auth(String... extra) {
        String[] base = {"--port", "0", "--config", config.toString(), "--token-file", tokenFile.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return AuthRun.start(env, args);
    }

    private HttpResponse<String> get(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_browser_flow_writes_a_private_token_file_in_the_seed_format() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        AuthRun run = auth();
        String start = run.awaitOutput("(http://localhost:\\d+/auth)\\s");

        HttpResponse<String> page = get(browser, start);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(AuthorizationCodeLogin.SUCCESS_TEXT);
        assertThat(page.uri().getPath()).isEqualTo("/auth/callback");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Authorized as streamscoutbot").contains(tokenFile.getFileName().toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        JsonNode json = Json.mapper().readTree(Files.readString(tokenFile));
        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("access_token", "refresh_token", "scopes", "created_at");
        assertThat(json.get("scopes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("chat:read", "clips:edit");
        assertThat(Instant.parse(json.get("created_at").asText())).isAfter(before);
        assertThat(json.get("refresh_token").asText()).isNotBlank();
        // The token in the file is one the simulated Twitch issued to this client.
        TokenValidation validation = new OAuthClient(sim.oauthBase(), CLIENT_ID, SECRET, HttpClient.newHttpClient())
                .validate(json.get("access_token").asText());
        assertThat(validation.clientId()).isEqualTo(CLIENT_ID);
        assertThat(validation.hasScope("clips:edit")).isTrue();
        // Redact are not printed.
        assertThat(run.out() + run.err()).doesNotContain(json.get("access_token").asText())
                .doesNotContain(json.get("refresh_token").asText());
    }

    @Test
    void the_start_page_redirects_to_authorize_with_scopes_and_a_random_state() throws Exception {
        AuthRun run = auth("--timeout", "3");
        String start = run.awaitOutput("(http://localhost:\\d+/auth)\\s");

        HttpResponse<String> first = get(noRedirects, start);
        HttpResponse<String> second = get(noRedirects, start);

        assertThat(first.statusCode()).isEqualTo(302);
        URI authorize = URI.create(first.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(sim.oauthBase() + "/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&redirect_uri=" + java.net.URLEncoder.encode(start + "/callback", java.nio.charset.StandardCharsets.UTF_8)
                + "&scope=chat%3Aread+clips%3Aedit&state=");
        String state = authorize.getRawQuery().replaceAll(".*state=([^&]+).*", "$1");
        assertThat(state).hasSizeGreaterThanOrEqualTo(32);
        // One login, one state.
        assertThat(second.headers().firstValue("Location")).contains(authorize.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("gave up");
        assertThat(tokenFile).doesNotExist();
    }

    @Test
    void a_callback_with_a_wrong_state_is_refused_and_the_login_goes_on() throws Exception {
        AuthRun run = auth();
        String start = run.awaitOutput("(http://localhost:\\d+/auth)\\s");

        HttpResponse<String> forged = get(browser, start + "/callback?code=stolen&state=0123456789abcdef");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("Wrong state");

        assertThat(get(browser, start).body()).contains(AuthorizationCodeLogin.SUCCESS_TEXT);
        assertThat(run.exitCode()).isZero();
        assertThat(tokenFile).exists();
    }

    @Test
    void a_refusal_on_twitch_ends_with_a_clear_error_and_no_file() throws Exception {
        AuthRun run = auth();
        String start = run.awaitOutput("(http://localhost:\\d+/auth)\\s");
        String location = get(noRedirects, start).headers().firstValue("Location").orElseThrow();
        String state = URI.create(location).getRawQuery().replaceAll(".*state=([^&]+).*", "$1");

        HttpResponse<String> denied = get(browser, start + "/callback?error=access_denied"
                + "&error_description=The+user+denied+you+access&state=" + state);

        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("access_denied").contains("The user denied you access").contains("streamscout auth");
        assertThat(tokenFile).doesNotExist();
    }

    @Test
    void missing_client_credentials_exit_2_naming_the_variable() throws Exception {
        AuthRun noId = AuthRun.start(Map.of("TWITCH_CLIENT_SECRET", SECRET), "--config", config.toString(),
                "--token-file", tokenFile.toString());
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).contains("TWITCH_CLIENT_ID").contains("streamscout auth");

        AuthRun noSecret = AuthRun.start(Map.of("TWITCH_CLIENT_ID", CLIENT_ID), "--headless", "--config",
                config.toString(), "--token-file", tokenFile.toString());
        assertThat(noSecret.exitCode()).isEqualTo(2);
        assertThat(noSecret.err()).contains("TWITCH_CLIENT_SECRET");
    }

    @Test
    void a_taken_port_says_how_to_choose_another() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AuthRun run = AuthRun.start(env, "--port", Integer.toString(taken.getLocalPort()), "--config",
                    config.toString(), "--token-file", tokenFile.toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("--port").contains("/auth/callback");
        }
    }

    @Test
    void help_describes_both_flows() throws Exception {
        AuthRun run = AuthRun.start(env, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--headless").contains("--port").contains("--token-file")
                .contains("TWITCH_CLIENT_ID").contains("chat:read").contains("clips:edit");
        assertThat(List.of(run.out().split("\n"))).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }
}
