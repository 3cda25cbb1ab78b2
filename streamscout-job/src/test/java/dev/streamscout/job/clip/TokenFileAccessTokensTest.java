package dev.streamscout.job.clip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenFile;
import dev.streamscout.twitch.auth.TokenGrant;
import dev.streamscout.twitch.auth.UserTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's token source against the simulator in strict mode (only issued tokens work, they
 * expire, revoked ones get 401): it validates, refreshes and writes the file back by itself.
 */
class TokenFileAccessTokensTest {

    private static final String CLIENT_ID = "jobclientid0000000000000000000";
    private static final String SECRET = "jobclientsecret000000000000000";
    private static final Instant PEAK = Instant.parse("2024-05-01T20:02:00Z");

    @TempDir
    Path dir;

    private TwitchSimulator sim;
    private Path file;

    @BeforeEach
    void start() {
        file = dir.resolve("twitch_user_tokens.json");
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void startSim(Duration tokenLifetime) {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(2).withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withAcceptAnyToken(false).withAccessTokenLifetime(tokenLifetime)
                .withClipDelay(Duration.ofMillis(200))).start();
    }

    /** What {@code streamscout auth} leaves behind: the authorize redirect's code exchanged for tokens. */
    private UserTokens authorize() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String redirect = "http://localhost:1/auth/callback";
        HttpResponse<Void> consent = noRedirects.send(HttpRequest.newBuilder(URI.create(sim.oauthBase()
                + "/authorize?response_type=code&client_id=" + CLIENT_ID + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&scope=chat%3Aread+clips%3Aedit&state=s1"))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        String location = consent.headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        TokenGrant grant = new OAuthClient(sim.oauthBase(), CLIENT_ID, SECRET, HttpClient.newHttpClient())
                .exchangeCode(code, URI.create(redirect));
        UserTokens tokens = new UserTokens(grant.accessToken(), grant.refreshToken(), grant.scopes(), Instant.now());
        TokenFile.write(file, tokens);
        return tokens;
    }

    private TokenFileAccessTokens source() {
        return new TokenFileAccessTokens(file, sim.oauthBase(), CLIENT_ID, SECRET);
    }

    @Test
    void hands_out_the_file_token_and_refreshes_it_after_a_401() throws Exception {
        startSim(Duration.ofHours(4));
        UserTokens seeded = authorize();
        TokenFileAccessTokens tokens = source();

        assertThat(tokens.accessToken()).isEqualTo(seeded.accessToken());
        sim.revokeAccessTokens();
        String fresh = tokens.refresh();

        assertThat(fresh).isNotBlank().isNotEqualTo(seeded.accessToken());
        assertThat(tokens.accessToken()).isEqualTo(fresh);
        UserTokens onDisk = TokenFile.read(file).orElseThrow();
        assertThat(onDisk.accessToken()).isEqualTo(fresh);
        assertThat(onDisk.refreshToken()).isNotBlank();
    }

    @Test
    void an_expired_token_is_refreshed_before_use() throws Exception {
        // Two-second tokens: the manager refreshes at half the lifetime.
        startSim(Duration.ofSeconds(2));
        UserTokens seeded = authorize();
        TokenFileAccessTokens tokens = source();
        assertThat(tokens.accessToken()).isEqualTo(seeded.accessToken());

        TimeUnit.MILLISECONDS.sleep(1200);
        String fresh = tokens.accessToken();

        assertThat(fresh).isNotEqualTo(seeded.accessToken());
        assertThat(TokenFile.read(file).orElseThrow().accessToken()).isEqualTo(fresh);
    }

    @Test
    void the_clip_requester_gets_its_clip_after_the_token_was_revoked() throws Exception {
        startSim(Duration.ofHours(4));
        authorize();
        TokenFileAccessTokens tokens = source();
        assertThat(tokens.accessToken()).isNotBlank();
        sim.revokeAccessTokens();
        SimChannel channel = sim.channels().get(0);
        HelixClipRequester requester = new HelixClipRequester(sim.helixBase(), CLIENT_ID, tokens,
                ClipSettings.defaults().withConfirmPollOffsets(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)))
                        .withRequestTimeout(Duration.ofSeconds(2)));
        requester.open();
        try {
            Moment moment = new Moment(channel.id(), channel.login(), PEAK.minusSeconds(4).toEpochMilli(),
                    PEAK.toEpochMilli(), PEAK.toEpochMilli(), 56, 20.0, 0.0, 36.0, "seed");

            Clip clip = requester.request(moment).get(30, TimeUnit.SECONDS);

            assertThat(clip.status()).isEqualTo(ClipStatus.CREATED);
            assertThat(TokenFile.read(file).orElseThrow().accessToken()).isEqualTo(tokens.accessToken());
        } finally {
            requester.close();
        }
    }

    @Test
    void survives_serialization_as_the_job_graph_carries_it() throws Exception {
        startSim(Duration.ofHours(4));
        UserTokens seeded = authorize();
        TokenFileAccessTokens original = source();
        assertThat(original.accessToken()).isEqualTo(seeded.accessToken());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        TokenFileAccessTokens copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TokenFileAccessTokens) in.readObject();
        }

        assertThat(copy.refreshesTokens()).isTrue();
        assertThat(copy.accessToken()).isEqualTo(seeded.accessToken());
    }

    @Test
    void a_missing_or_broken_file_yields_no_token_instead_of_failing() throws Exception {
        startSim(Duration.ofHours(4));
        assertThat(source().accessToken()).isNull();
        assertThat(source().refresh()).isNull();

        Files.writeString(file, "{\"access_token\": ");
        assertThat(source().accessToken()).isNull();
        assertThat(new TokenFileAccessTokens(file).accessToken()).isNull();
    }

    @Test
    void the_read_only_form_rereads_the_file_after_a_401() throws Exception {
        startSim(Duration.ofHours(4));
        UserTokens first = authorize();
        TokenFileAccessTokens readOnly = new TokenFileAccessTokens(file);
        assertThat(readOnly.refreshesTokens()).isFalse();
        assertThat(readOnly.accessToken()).isEqualTo(first.accessToken());

        UserTokens second = authorize();

        assertThat(readOnly.accessToken()).isEqualTo(first.accessToken());
        assertThat(readOnly.refresh()).isEqualTo(second.accessToken());
    }
}
