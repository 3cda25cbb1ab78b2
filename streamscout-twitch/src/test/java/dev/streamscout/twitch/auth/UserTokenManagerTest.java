package dev.streamscout.twitch.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.streamscout.twitch.testing.MovableClock;
import dev.streamscout.twitch.testing.RecordingHttpServer.Request;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file kept usable: validation, refresh on expiry and on 401, rotation written back. */
class UserTokenManagerTest {

    private static final Instant START = Instant.parse("2026-01-11T00:00:00Z");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(START);
    private FakeTwitchOAuth twitch;
    private Path file;
    private OAuthClient oauth;

    @BeforeEach
    void start() throws Exception {
        twitch = new FakeTwitchOAuth(clock);
        file = dir.resolve("secrets/twitch_user_tokens.json");
        oauth = new OAuthClient(twitch.base(), FakeTwitchOAuth.CLIENT_ID, FakeTwitchOAuth.CLIENT_SECRET,
                HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        twitch.close();
    }

    private UserTokenManager manager() {
        return new UserTokenManager(file, oauth, clock, List.of(UserTokenManager.CLIPS_SCOPE));
    }

    private UserTokens seeded() {
        UserTokens tokens = twitch.issue();
        TokenFile.write(file, tokens);
        return tokens;
    }

    @Test
    void start_validates_the_token_from_the_file() {
        UserTokens seeded = seeded();
        UserTokenManager manager = manager();

        TokenValidation validation = manager.start();

        assertThat(validation.login()).isEqualTo("twitchdev");
        assertThat(validation.userId()).isEqualTo("141981764");
        assertThat(validation.scopes()).containsExactly("chat:read", "clips:edit");
        assertThat(validation.expiresInSeconds()).isEqualTo(Duration.ofHours(4).toSeconds());
        assertThat(manager.get()).isEqualTo(seeded.accessToken());
        assertThat(manager.refreshCount()).isZero();
        Request sent = twitch.requests().get(0);
        assertThat(sent.path()).isEqualTo("/oauth2/validate");
        assertThat(sent.header("Authorization")).isEqualTo("OAuth " + seeded.accessToken());
    }

    @Test
    void a_token_rejected_at_start_is_refreshed_and_the_rotated_pair_written_back() throws Exception {
        UserTokens seeded = seeded();
        twitch.revokeAccessTokens();
        UserTokenManager manager = manager();

        manager.start();

        assertThat(manager.refreshCount()).isEqualTo(1);
        UserTokens onDisk = TokenFile.read(file).orElseThrow();
        assertThat(onDisk.accessToken()).isNotEqualTo(seeded.accessToken()).isEqualTo(manager.get());
        assertThat(twitch.isValid(onDisk.accessToken())).isTrue();
        // The fake rotates refresh tokens and forgets the old one: the new one must have been kept.
        assertThat(onDisk.refreshToken()).isNotEqualTo(seeded.refreshToken()).contains("%").contains("/");
        assertThat(onDisk.scopes()).containsExactly("chat:read", "clips:edit");
        assertThat(onDisk.createdAt()).isEqualTo(START);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // The refresh token went out URL-encoded in a form body, never in the query string.
        Request refresh = twitch.requests().stream().filter(r -> r.path().equals("/oauth2/token")).findFirst().orElseThrow();
        assertThat(refresh.query()).isEmpty();
        assertThat(refresh.body()).contains("grant_type=refresh_token").contains("%256VFV5LNrZ%2F")
                .doesNotContain(seeded.refreshToken());
    }

    @Test
    void an_expired_token_is_refreshed_before_it_is_handed_out() {
        UserTokens seeded = seeded();
        UserTokenManager manager = manager();
        manager.start();

        clock.advance(Duration.ofHours(3).plusMinutes(50));
        assertThat(manager.get()).isEqualTo(seeded.accessToken());
        clock.advance(Duration.ofMinutes(6));
        String fresh = manager.get();

        assertThat(fresh).isNotEqualTo(seeded.accessToken());
        assertThat(twitch.isValid(fresh)).isTrue();
        assertThat(manager.refreshCount()).isEqualTo(1);
        assertThat(TokenFile.read(file).orElseThrow().accessToken()).isEqualTo(fresh);
        assertThat(manager.get()).isEqualTo(fresh);
        assertThat(manager.refreshCount()).isEqualTo(1);
    }

    @Test
    void a_401_refreshes_once_however_many_callers_report_it() throws Exception {
        UserTokens seeded = seeded();
        UserTokenManager manager = manager();
        manager.start();
        twitch.revokeAccessTokens();
        twitch.slowRefresh(300);

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    manager.renewAfterRejection(seeded.accessToken());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }

        assertThat(twitch.refreshGrants()).isEqualTo(1);
        assertThat(manager.get()).isNotEqualTo(seeded.accessToken());
        assertThat(twitch.isValid(manager.get())).isTrue();
        // A rejection of a token that is no longer current changes nothing.
        manager.renewAfterRejection(seeded.accessToken());
        manager.renewAfterRejection("oauth:" + seeded.accessToken());
        assertThat(twitch.refreshGrants()).isEqualTo(1);
    }

    @Test
    void a_token_another_process_refreshed_is_adopted_instead_of_refreshing_again() {
        UserTokens seeded = seeded();
        UserTokenManager manager = manager();
        manager.start();
        // Another process (ingest) refreshed and wrote the file; this process still holds the old token.
        UserTokens theirs = twitch.issue();
        TokenFile.write(file, theirs);
        twitch.revokeRefreshTokens();

        manager.renewAfterRejection(seeded.accessToken());

        assertThat(manager.get()).isEqualTo(theirs.accessToken());
        assertThat(twitch.refreshGrants()).isZero();
    }

    @Test
    void hourly_validation_runs_on_the_scheduler_and_repairs_a_revoked_token() {
        UserTokens seeded = seeded();
        UserTokenManager manager = manager();
        manager.start();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // The interval is the parameter: 100 ms here stands for the hour.
            manager.validateEvery(scheduler, Duration.ofMillis(100));
            await().atMost(Duration.ofSeconds(5)).until(() -> manager.validationCount() >= 3);

            twitch.revokeAccessTokens();
            await().atMost(Duration.ofSeconds(5)).until(() -> manager.refreshCount() == 1);
            assertThat(manager.get()).isNotEqualTo(seeded.accessToken());
            assertThat(TokenFile.read(file).orElseThrow().accessToken()).isEqualTo(manager.get());

            manager.close();
            long after = twitch.validations();
            sleep(400);
            assertThat(twitch.validations()).isLessThanOrEqualTo((int) after + 1);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void a_failing_periodic_validation_keeps_the_schedule_alive() {
        seeded();
        UserTokenManager manager = manager();
        manager.start();
        twitch.revokeAccessTokens();
        twitch.revokeRefreshTokens();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            manager.validateEvery(scheduler, Duration.ofMillis(100));
            int before = twitch.validations();
            await().atMost(Duration.ofSeconds(5)).until(() -> twitch.validations() >= before + 3);
        } finally {
            manager.close();
            scheduler.shutdownNow();
        }
    }

    @Test
    void a_missing_file_names_the_variable_and_the_command() {
        assertThatThrownBy(() -> manager().start()).isInstanceOf(UserTokenException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("TWITCH_TOKEN_FILE")
                .hasMessageContaining("streamscout auth");
    }

    @Test
    void a_malformed_file_names_the_fix_and_leaks_nothing() throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"access_token\": \"abcdefghijklmnopqrstuvwxyz\", \"refresh_token\": ");

        assertThatThrownBy(() -> manager().start()).isInstanceOf(UserTokenException.class)
                .hasMessageContaining("streamscout auth")
                .hasMessageContaining("TWITCH_TOKEN_FILE")
                .hasMessageNotContaining("efghijkl");
    }

    @Test
    void a_token_without_clips_edit_is_refused_at_start() {
        twitch.grantScopes(List.of("chat:read"));
        seeded();

        assertThatThrownBy(() -> manager().start()).isInstanceOf(UserTokenException.class)
                .hasMessageContaining("clips:edit")
                .hasMessageContaining("streamscout auth");
    }

    @Test
    void a_refused_refresh_says_to_authorize_again_without_leaking_the_refresh_token() {
        UserTokens seeded = seeded();
        twitch.revokeAccessTokens();
        twitch.revokeRefreshTokens();

        assertThatThrownBy(() -> manager().start()).isInstanceOf(UserTokenException.class)
                .hasMessageContaining("Invalid refresh token")
                .hasMessageContaining("streamscout auth")
                .hasMessageNotContaining(seeded.refreshToken())
                .hasMessageNotContaining(seeded.accessToken());
        assertThat(TokenFile.read(file)).contains(seeded);
    }

    @Test
    void a_file_without_refresh_token_cannot_be_refreshed() {
        UserTokens issued = twitch.issue();
        TokenFile.write(file, new UserTokens(issued.accessToken(), "", issued.scopes(), null));
        twitch.revokeAccessTokens();

        assertThatThrownBy(() -> manager().start()).isInstanceOf(UserTokenException.class)
                .hasMessageContaining("no refresh token")
                .hasMessageContaining("streamscout auth");
    }

    @Test
    void nothing_is_handed_out_before_start() {
        seeded();
        assertThatThrownBy(() -> manager().get()).isInstanceOf(IllegalStateException.class);
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
