package dev.streamscout.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.sim.SimChannel;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.TwitchSimulator;
import dev.streamscout.twitch.auth.OAuthClient;
import dev.streamscout.twitch.auth.TokenFile;
import dev.streamscout.twitch.auth.TokenGrant;
import dev.streamscout.twitch.auth.UserTokenManager;
import dev.streamscout.twitch.auth.UserTokens;
import dev.streamscout.twitch.helix.CreatedClip;
import dev.streamscout.twitch.helix.HelixClient;
import dev.streamscout.twitch.helix.HelixRetryPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token manager and the Helix client together against the simulator in strict mode: a
 * revoked token costs one 401 and one refresh, an expired one is refreshed before use.
 */
class UserTokenManagerSimulatorTest {

    private static final String CLIENT_ID = "managertestclient00000000000000";
    private static final String SECRET = "managertestsecret00000000000000";

    @TempDir
    Path dir;

    private TwitchSimulator sim;
    private final ManualClock clock = new ManualClock(Instant.now());

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void startSim() {
        sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(2).withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false).withAcceptAnyToken(false).withClock(clock)).start();
    }

    private OAuthClient oauth() {
        return new OAuthClient(sim.oauthBase(), CLIENT_ID, SECRET, HttpClient.newHttpClient());
    }

    /** The simulated authorize page consents at once; its redirect carries the code. */
    private UserTokens seed(Path file) throws Exception {
        String redirect = "http://localhost:3000/auth/callback";
        HttpResponse<Void> consent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.oauthBase()
                + "/authorize?response_type=code&client_id=" + CLIENT_ID + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&scope=chat%3Aread+clips%3Aedit&state=s"))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        String code = consent.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]code=([^&]+).*", "$1");
        TokenGrant grant = oauth().exchangeCode(code, URI.create(redirect));
        UserTokens tokens = new UserTokens(grant.accessToken(), grant.refreshToken(), grant.scopes(), clock.instant());
        TokenFile.write(file, tokens);
        return tokens;
    }

    @Test
    void a_revoked_token_is_refreshed_once_and_the_clip_is_made() throws Exception {
        startSim();
        Path file = dir.resolve("tokens.json");
        UserTokens seeded = seed(file);
        UserTokenManager manager = new UserTokenManager(file, oauth(), clock, List.of(UserTokenManager.CLIPS_SCOPE));
        assertThat(manager.start().login()).isEqualTo("streamscoutbot");
        HelixClient helix = new HelixClient(sim.helixBase(), CLIENT_ID, manager, HttpClient.newHttpClient(),
                Duration.ofSeconds(5), HelixRetryPolicy.standard());
        SimChannel channel = sim.channels().get(0);

        sim.revokeAccessTokens();
        // The simulator revokes by issue time; tokens issued from now on are good again.
        clock.advance(Duration.ofSeconds(1));
        CreatedClip clip = helix.createClip(channel.id(), "after revocation", 30);

        assertThat(clip.id()).isNotBlank();
        assertThat(manager.refreshCount()).isEqualTo(1);
        UserTokens onDisk = TokenFile.read(file).orElseThrow();
        assertThat(onDisk.accessToken()).isNotEqualTo(seeded.accessToken()).isEqualTo(manager.get());
        assertThat(onDisk.refreshToken()).isNotBlank();
        assertThat(sim.clips()).anySatisfy(c -> assertThat(c.title()).isEqualTo("after revocation"));
    }

    @Test
    void an_expired_token_is_refreshed_before_the_request() throws Exception {
        startSim();
        Path file = dir.resolve("tokens.json");
        UserTokens seeded = seed(file);
        UserTokenManager manager = new UserTokenManager(file, oauth(), clock, List.of(UserTokenManager.CLIPS_SCOPE));
        manager.start();
        HelixClient helix = new HelixClient(sim.helixBase(), CLIENT_ID, manager, HttpClient.newHttpClient(),
                Duration.ofSeconds(5), HelixRetryPolicy.standard());

        // The simulator's tokens live four hours on the shared clock.
        clock.advance(Duration.ofHours(4).plusSeconds(1));
        assertThat(helix.getStreams(5, null).streams()).isNotEmpty();

        assertThat(manager.refreshCount()).isEqualTo(1);
        assertThat(manager.get()).isNotEqualTo(seeded.accessToken());
        assertThat(TokenFile.read(file).orElseThrow().createdAt()).isEqualTo(clock.instant());
    }
}
