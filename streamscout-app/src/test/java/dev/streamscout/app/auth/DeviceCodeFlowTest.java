package dev.streamscout.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.json.Json;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.twitch.auth.OAuthClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamscout auth --headless} end to end against the simulator's device code grant: the
 * user is played by a JDK HTTP client opening the printed verification page, which approves.
 */
class DeviceCodeFlowTest {

    private static final String CLIENT_ID = "devicetestclient000000000000000";
    private static final String SECRET = "devicetestsecret000000000000000";

    private static TwitchSimulator sim;

    @TempDir
    Path dir;

    private Path tokenFile;
    private Path config;
    private final Map<String, String> env = Map.of("TWITCH_CLIENT_ID", CLIENT_ID, "TWITCH_CLIENT_SECRET", SECRET);

    @BeforeAll
    static void startSimulator() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(2).withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withAcceptAnyToken(false).withDeviceCodeIntervalSeconds(1)).start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void files() throws Exception {
        tokenFile = dir.resolve("twitch_user_tokens.json");
        config = dir.resolve("streamscout.properties");
        Files.writeString(config, "twitch.oauth.url=" + sim.oauthBase() + "\n");
    }

    private AuthRun headless() {
        return AuthRun.start(env, "--headless", "--config", config.toString(), "--token-file", tokenFile.toString());
    }

    @Test
    void the_printed_code_approved_on_another_device_seeds_the_token_file() throws Exception {
        AuthRun run = headless();
        String userCode = run.awaitOutput("enter the code\\s+(\\S+)");
        String verification = run.awaitOutput("(http://\\S+)");

        HttpResponse<String> approve = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(verification)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approve.statusCode()).isEqualTo(200);

        assertThat(run.exitCode()).isZero();
        assertThat(sim.pendingDeviceCodes()).doesNotContain(userCode);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        JsonNode json = Json.mapper().readTree(Files.readString(tokenFile));
        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("access_token", "refresh_token", "scopes", "created_at");
        assertThat(json.get("scopes")).extracting(JsonNode::asText).contains("chat:read", "clips:edit");
        assertThat(new OAuthClient(sim.oauthBase(), CLIENT_ID, SECRET, HttpClient.newHttpClient())
                .validate(json.get("access_token").asText()).clientId()).isEqualTo(CLIENT_ID);
        assertThat(run.out()).contains("Authorized as");
    }

    @Test
    void a_refusal_ends_with_a_clear_error_and_no_file() throws Exception {
        AuthRun run = headless();
        String userCode = run.awaitOutput("enter the code\\s+(\\S+)");

        assertThat(sim.denyDevice(userCode)).isTrue();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("refused").contains("streamscout auth --headless");
        assertThat(tokenFile).doesNotExist();
    }
}
