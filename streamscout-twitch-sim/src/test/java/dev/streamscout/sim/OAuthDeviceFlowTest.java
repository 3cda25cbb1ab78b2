package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The device code grant (what {@code streamscout auth --headless} runs), strict mode, over real HTTP. */
class OAuthDeviceFlowTest {

    private static final String CLIENT = HttpTestClient.CLIENT_ID;
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static TwitchSimulator sim;
    private final HttpTestClient http = new HttpTestClient();

    @BeforeAll
    static void start() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withAcceptAnyToken(false).withDeviceCodeIntervalSeconds(1)).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private JsonNode startDevice() throws Exception {
        HttpTestClient.Reply reply = http.postForm(URI.create(sim.oauthBase() + "/device"),
                "client_id=" + CLIENT + "&scopes=" + URLEncoder.encode("chat:read clips:edit", StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private HttpTestClient.Reply poll(String deviceCode) throws Exception {
        return http.postForm(URI.create(sim.oauthBase() + "/token"), "client_id=" + CLIENT
                + "&scopes=chat%3Aread&device_code=" + deviceCode + "&grant_type="
                + URLEncoder.encode(DEVICE_GRANT, StandardCharsets.UTF_8));
    }

    private static void waitInterval() throws InterruptedException {
        Thread.sleep(1_050);
    }

    @Test
    void pendingUntilApprovedThenTokensThatValidateAndRefreshWithoutASecret() throws Exception {
        JsonNode device = startDevice();
        assertThat(device.get("user_code").asText()).matches("[A-Z]{8}");
        assertThat(device.get("device_code").asText()).hasSize(40);
        assertThat(device.get("interval").asInt()).isEqualTo(1);
        assertThat(device.get("expires_in").asInt()).isEqualTo(1800);
        String userCode = device.get("user_code").asText();
        assertThat(device.get("verification_uri").asText())
                .isEqualTo(sim.activationPage() + "?public=true&device-code=" + userCode);
        assertThat(sim.pendingDeviceCodes()).contains(userCode);
        String deviceCode = device.get("device_code").asText();

        HttpTestClient.Reply pending = poll(deviceCode);
        assertThat(pending.status()).isEqualTo(400);
        assertThat(pending.json().get("message").asText()).isEqualTo("authorization_pending");
        assertThat(pending.json().get("status").asInt()).isEqualTo(400);

        assertThat(sim.approveDevice(userCode)).isTrue();
        waitInterval();
        HttpTestClient.Reply tokens = poll(deviceCode);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(tokens.json().get("scope")).extracting(JsonNode::asText).containsExactly("chat:read", "clips:edit");
        String access = tokens.json().get("access_token").asText();
        String refresh = tokens.json().get("refresh_token").asText();

        HttpTestClient.Reply valid = http.send(java.net.http.HttpRequest.newBuilder(URI.create(sim.oauthBase() + "/validate"))
                .header("Authorization", "OAuth " + access).GET().build());
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.json().get("client_id").asText()).isEqualTo(CLIENT);
        assertThat(valid.json().get("login").asText()).isEqualTo("streamscoutbot");

        // A device code is redeemed once.
        waitInterval();
        assertThat(poll(deviceCode).json().get("message").asText()).isEqualTo("invalid device code");

        // Public client: refreshing needs no client secret.
        HttpTestClient.Reply refreshed = http.postForm(URI.create(sim.oauthBase() + "/token"), "client_id=" + CLIENT
                + "&grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refresh, StandardCharsets.UTF_8));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("access_token").asText()).isNotEqualTo(access);
    }

    @Test
    void pollingFasterThanTheIntervalAnswersSlowDown() throws Exception {
        String deviceCode = startDevice().get("device_code").asText();
        assertThat(poll(deviceCode).json().get("message").asText()).isEqualTo("authorization_pending");
        HttpTestClient.Reply tooSoon = poll(deviceCode);
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.json().get("message").asText()).isEqualTo("slow_down");
        waitInterval();
        assertThat(poll(deviceCode).json().get("message").asText()).isEqualTo("authorization_pending");
    }

    @Test
    void activationPageApprovesAndDeniesAndRejectsUnknownCodes() throws Exception {
        JsonNode approved = startDevice();
        HttpTestClient.Reply page = rawGet(URI.create(approved.get("verification_uri").asText()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("Device connected");
        assertThat(poll(approved.get("device_code").asText()).status()).isEqualTo(200);

        JsonNode denied = startDevice();
        HttpTestClient.Reply refusal = rawGet(URI.create(sim.activationPage() + "?user_code="
                + denied.get("user_code").asText().toLowerCase() + "&action=deny"));
        assertThat(refusal.raw().body()).contains("refused");
        assertThat(poll(denied.get("device_code").asText()).json().get("message").asText()).isEqualTo("access_denied");

        assertThat(rawGet(URI.create(sim.activationPage() + "?user_code=NOTACODE")).status()).isEqualTo(404);
        assertThat(rawGet(sim.activationPage()).raw().body()).contains("<form");
        assertThat(sim.approveDevice("NOTACODE")).isFalse();
    }

    @Test
    void autoApprovalAfterNPollsAndExpiry() throws Exception {
        try (TwitchSimulator auto = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withAcceptAnyToken(false).withDeviceCodeIntervalSeconds(1)
                .withDeviceAutoApproveAfterPolls(2).withDeviceCodeLifetime(Duration.ofSeconds(30))).start();
             TwitchSimulator expiring = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withDeviceCodeLifetime(Duration.ofMillis(300))).start()) {
            HttpTestClient.Reply device = http.postForm(URI.create(auto.oauthBase() + "/device"), "client_id=" + CLIENT);
            String code = device.json().get("device_code").asText();
            Map<Integer, String> answers = new TreeMap<>();
            for (int i = 1; i <= 3; i++) {
                HttpTestClient.Reply reply = http.postForm(URI.create(auto.oauthBase() + "/token"), "client_id=" + CLIENT
                        + "&device_code=" + code + "&grant_type=" + URLEncoder.encode(DEVICE_GRANT, StandardCharsets.UTF_8));
                answers.put(i, reply.status() == 200 ? "tokens" : reply.json().get("message").asText());
                waitInterval();
            }
            assertThat(answers).containsExactly(Map.entry(1, "authorization_pending"),
                    Map.entry(2, "authorization_pending"), Map.entry(3, "tokens"));

            String late = http.postForm(URI.create(expiring.oauthBase() + "/device"), "client_id=" + CLIENT)
                    .json().get("device_code").asText();
            Thread.sleep(400);
            HttpTestClient.Reply expired = http.postForm(URI.create(expiring.oauthBase() + "/token"), "client_id=" + CLIENT
                    + "&device_code=" + late + "&grant_type=" + URLEncoder.encode(DEVICE_GRANT, StandardCharsets.UTF_8));
            assertThat(expired.status()).isEqualTo(400);
            assertThat(expired.json().get("message").asText()).isEqualTo("invalid device code");
        }
    }

    @Test
    void deviceRequestNeedsAClientId() throws Exception {
        HttpTestClient.Reply reply = http.postForm(URI.create(sim.oauthBase() + "/device"), "scopes=chat%3Aread");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).isEqualTo("missing client id");
    }

    private HttpTestClient.Reply rawGet(URI uri) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(uri).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new HttpTestClient.Reply(response.statusCode(), null, response);
    }
}
